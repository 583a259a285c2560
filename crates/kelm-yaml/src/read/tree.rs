//! The first document's node tree, built from events as yaml.v2 builds it before
//! decoding: anchors are bound when their node starts (so an alias inside the node it
//! names refers to it), and an alias naming no earlier anchor fails at once.

use std::collections::HashMap;

use super::Failure;
use super::parser::{Event, Parser};
use super::scanner::Text;

/// An index into [`Tree::nodes`].
pub(crate) type NodeId = u32;

/// A node's content.
#[derive(Debug)]
pub(crate) enum Node {
    Scalar {
        text: Text,
        tag: Vec<u8>,
        implicit: bool,
    },
    /// Children are `kids[start..end]` (tags on collections change nothing for
    /// `interface{}` targets).
    Seq {
        start: u32,
        end: u32,
    },
    /// Keys and values alternate in `kids[start..end]`.
    Map {
        start: u32,
        end: u32,
    },
    Alias {
        target: NodeId,
        name: Vec<u8>,
    },
}

/// The nodes of one document, in document order.
#[derive(Debug, Default)]
pub(crate) struct Tree {
    pub nodes: Vec<Node>,
    pub kids: Vec<NodeId>,
    /// Whether an alias refers to the node.
    pub aliased: Vec<bool>,
    /// The deepest collection nesting in the source.
    pub depth: usize,
    /// How deep each node's value nests, counting what its aliases expand to.
    pub value_depth: Vec<u32>,
}

impl Tree {
    /// The children of a collection node.
    pub fn children(&self, start: u32, end: u32) -> &[NodeId] {
        &self.kids[start as usize..end as usize]
    }
}

struct Open {
    node: NodeId,
    is_map: bool,
    pending_start: usize,
}

/// Reads the first document of the stream into a tree; `None` for a stream with no
/// document. Later documents are not read (yaml.v2's `Unmarshal` stops there too).
pub(crate) fn build(parser: &mut Parser<'_>) -> Result<Option<(Tree, NodeId)>, Failure> {
    // The stream start, then a document start or the stream's end.
    match parser.next_event()? {
        Some(Event::StreamStart) => {}
        _ => unreachable!("streams start with a stream start event"),
    }
    match parser.next_event()? {
        Some(Event::DocumentStart) => {}
        Some(Event::StreamEnd) | None => return Ok(None),
        Some(other) => unreachable!("unexpected event {other:?}"),
    }
    let mut tree = Tree::default();
    let mut anchors: HashMap<Vec<u8>, NodeId> = HashMap::new();
    let mut open: Vec<Open> = Vec::new();
    let mut pending: Vec<NodeId> = Vec::new();
    let root = loop {
        let event = parser
            .next_event()?
            .expect("events until the document ends");
        let id = tree.nodes.len() as NodeId;
        let is_map = matches!(event, Event::MappingStart { .. });
        let done = match event {
            Event::Scalar {
                anchor,
                tag,
                text,
                implicit,
            } => {
                tree.nodes.push(Node::Scalar {
                    text,
                    tag,
                    implicit,
                });
                tree.aliased.push(false);
                tree.value_depth.push(0);
                if let Some(a) = anchor {
                    anchors.insert(a, id);
                }
                Some(id)
            }
            Event::Alias(name) => {
                let Some(&target) = anchors.get(&name) else {
                    return Err(Failure::Decode(format!(
                        "unknown anchor '{}' referenced",
                        String::from_utf8_lossy(&name)
                    )));
                };
                tree.aliased[target as usize] = true;
                tree.nodes.push(Node::Alias { target, name });
                tree.aliased.push(false);
                // An open target (an alias inside its own anchor) fails when decoded.
                let d = tree.value_depth[target as usize];
                tree.value_depth.push(d);
                Some(id)
            }
            Event::SequenceStart { anchor, .. } | Event::MappingStart { anchor, .. } => {
                tree.nodes.push(Node::Seq { start: 0, end: 0 });
                tree.aliased.push(false);
                tree.value_depth.push(0);
                if let Some(a) = anchor {
                    anchors.insert(a, id);
                }
                open.push(Open {
                    node: id,
                    is_map,
                    pending_start: pending.len(),
                });
                tree.depth = tree.depth.max(open.len());
                None
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let frame = open.pop().expect("an open collection");
                let start = tree.kids.len() as u32;
                tree.kids.extend(pending.drain(frame.pending_start..));
                let end = tree.kids.len() as u32;
                let deepest = tree.kids[start as usize..end as usize]
                    .iter()
                    .map(|&k| tree.value_depth[k as usize])
                    .max()
                    .unwrap_or(0);
                tree.value_depth[frame.node as usize] = deepest.saturating_add(1);
                tree.nodes[frame.node as usize] = if frame.is_map {
                    Node::Map { start, end }
                } else {
                    Node::Seq { start, end }
                };
                Some(frame.node)
            }
            other => unreachable!("unexpected event {other:?} inside a document"),
        };
        if let Some(node) = done {
            if open.is_empty() {
                break node;
            }
            pending.push(node);
        }
    };
    match parser.next_event()? {
        Some(Event::DocumentEnd) => {}
        other => unreachable!("expected the document's end, got {other:?}"),
    }
    Ok(Some((tree, root)))
}
