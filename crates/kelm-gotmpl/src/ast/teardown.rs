//! Iterative destruction of deep trees.
//!
//! Templates may nest control structures without limit and parentheses 10000 deep; the
//! default recursive drop would then need a stack proportional to the nesting and could
//! overflow a small thread stack. Lists and pipelines therefore hand their nested
//! children to a worklist and free them one level at a time. Flat trees, the usual case,
//! take the fast path and allocate nothing.

use super::{Arg, ListNode, Node, PipeNode};

impl Drop for ListNode {
    fn drop(&mut self) {
        if !self.nodes.iter().any(has_nested_list) {
            return;
        }
        let mut pending: Vec<Node> = std::mem::take(&mut self.nodes);
        while let Some(node) = pending.pop() {
            if let Node::If(mut b) | Node::Range(mut b) | Node::With(mut b) = node {
                pending.append(&mut b.list.nodes);
                if let Some(else_list) = &mut b.else_list {
                    pending.append(&mut else_list.nodes);
                }
                // `b` now holds only empty lists and its pipeline, which drops on its own.
            }
        }
    }
}

fn has_nested_list(node: &Node) -> bool {
    match node {
        Node::If(b) | Node::Range(b) | Node::With(b) => {
            !b.list.nodes.is_empty() || b.else_list.as_ref().is_some_and(|l| !l.nodes.is_empty())
        }
        _ => false,
    }
}

impl Drop for PipeNode {
    fn drop(&mut self) {
        let nested = |a: &Arg| matches!(a, Arg::Pipe(_) | Arg::Chain(_));
        if !self.cmds.iter().any(|c| c.args.iter().any(nested)) {
            return;
        }
        let mut pending: Vec<Arg> = Vec::new();
        for cmd in &mut self.cmds {
            pending.append(&mut cmd.args);
        }
        while let Some(arg) = pending.pop() {
            match arg {
                Arg::Pipe(mut p) => {
                    for cmd in &mut p.cmds {
                        pending.append(&mut cmd.args);
                    }
                }
                Arg::Chain(mut c) => pending.push(std::mem::replace(&mut c.node, Arg::Nil(0))),
                _ => {}
            }
        }
    }
}
