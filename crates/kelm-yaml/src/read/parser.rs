//! Events from tokens: yaml.v2's parser state machine (a libyaml port), with its
//! error messages and the marks it reports them at.

use super::input::{Mark, Source};
use super::scanner::{Kind, Scan, Scanner, Style, Text};
use super::{Fault, FaultKind};

/// A parse event.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Event {
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Alias(Vec<u8>),
    Scalar {
        anchor: Option<Vec<u8>>,
        tag: Vec<u8>,
        text: Text,
        /// yaml.v2's "plain implicit": untagged plain, or tagged `!`.
        implicit: bool,
    },
    SequenceStart {
        anchor: Option<Vec<u8>>,
        tag: Vec<u8>,
    },
    SequenceEnd,
    MappingStart {
        anchor: Option<Vec<u8>>,
        tag: Vec<u8>,
    },
    MappingEnd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    StreamStart,
    ImplicitDocumentStart,
    DocumentStart,
    DocumentContent,
    DocumentEnd,
    BlockNode,
    BlockSequenceFirstEntry,
    BlockSequenceEntry,
    IndentlessSequenceEntry,
    BlockMappingFirstKey,
    BlockMappingKey,
    BlockMappingValue,
    FlowSequenceFirstEntry,
    FlowSequenceEntry,
    FlowSequenceEntryMappingKey,
    FlowSequenceEntryMappingValue,
    FlowSequenceEntryMappingEnd,
    FlowMappingFirstKey,
    FlowMappingKey,
    FlowMappingValue,
    FlowMappingEmptyValue,
    End,
}

/// The parser: a scanner and the state machine over its tokens.
pub(crate) struct Parser<'a> {
    pub scanner: Scanner<'a>,
    state: State,
    states: Vec<State>,
    marks: Vec<Mark>,
    tag_directives: Vec<(Vec<u8>, Vec<u8>)>,
}

fn parser_error(problem: &'static str, problem_mark: Mark) -> Fault {
    Fault {
        kind: FaultKind::Parser,
        problem: problem.into(),
        problem_mark,
        context_mark: Mark::default(),
    }
}

fn parser_error_context(context_mark: Mark, problem: &'static str, problem_mark: Mark) -> Fault {
    Fault {
        kind: FaultKind::Parser,
        problem: problem.into(),
        problem_mark,
        context_mark,
    }
}

fn empty_scalar() -> Event {
    Event::Scalar {
        anchor: None,
        tag: Vec::new(),
        text: Text::Span(0, 0),
        implicit: true,
    }
}

impl<'a> Parser<'a> {
    /// A parser over `source`.
    pub fn new(source: &'a Source<'_>) -> Parser<'a> {
        Parser {
            scanner: Scanner::new(source),
            state: State::StreamStart,
            states: Vec::new(),
            marks: Vec::new(),
            tag_directives: Vec::new(),
        }
    }

    /// The next event; `None` once the stream has ended.
    pub fn next_event(&mut self) -> Scan<Option<Event>> {
        if self.scanner.stream_end_produced() || self.state == State::End {
            return Ok(None);
        }
        self.state_machine().map(Some)
    }

    fn pop_state(&mut self) {
        self.state = self.states.pop().expect("a parser state");
    }

    fn state_machine(&mut self) -> Scan<Event> {
        match self.state {
            State::StreamStart => self.parse_stream_start(),
            State::ImplicitDocumentStart => self.parse_document_start(true),
            State::DocumentStart => self.parse_document_start(false),
            State::DocumentContent => self.parse_document_content(),
            State::DocumentEnd => self.parse_document_end(),
            State::BlockNode => self.parse_node(true, false),
            State::BlockSequenceFirstEntry => self.parse_block_sequence_entry(true),
            State::BlockSequenceEntry => self.parse_block_sequence_entry(false),
            State::IndentlessSequenceEntry => self.parse_indentless_sequence_entry(),
            State::BlockMappingFirstKey => self.parse_block_mapping_key(true),
            State::BlockMappingKey => self.parse_block_mapping_key(false),
            State::BlockMappingValue => self.parse_block_mapping_value(),
            State::FlowSequenceFirstEntry => self.parse_flow_sequence_entry(true),
            State::FlowSequenceEntry => self.parse_flow_sequence_entry(false),
            State::FlowSequenceEntryMappingKey => self.parse_flow_sequence_entry_mapping_key(),
            State::FlowSequenceEntryMappingValue => self.parse_flow_sequence_entry_mapping_value(),
            State::FlowSequenceEntryMappingEnd => {
                self.scanner.peek()?;
                self.state = State::FlowSequenceEntry;
                Ok(Event::MappingEnd)
            }
            State::FlowMappingFirstKey => self.parse_flow_mapping_key(true),
            State::FlowMappingKey => self.parse_flow_mapping_key(false),
            State::FlowMappingValue => self.parse_flow_mapping_value(false),
            State::FlowMappingEmptyValue => self.parse_flow_mapping_value(true),
            State::End => unreachable!("no events after the end"),
        }
    }

    fn parse_stream_start(&mut self) -> Scan<Event> {
        let token = self.scanner.peek()?;
        if token.kind != Kind::StreamStart {
            return Err(parser_error(
                "did not find expected <stream-start>",
                token.start,
            ));
        }
        self.state = State::ImplicitDocumentStart;
        self.scanner.skip_token();
        Ok(Event::StreamStart)
    }

    fn parse_document_start(&mut self, implicit: bool) -> Scan<Event> {
        let mut token = self.scanner.peek()?;
        if !implicit {
            while token.kind == Kind::DocumentEnd {
                self.scanner.skip_token();
                token = self.scanner.peek()?;
            }
        }
        let is_directive =
            |k: &Kind| matches!(k, Kind::VersionDirective { .. } | Kind::TagDirective { .. });
        if implicit
            && !is_directive(&token.kind)
            && token.kind != Kind::DocumentStart
            && token.kind != Kind::StreamEnd
        {
            self.process_directives()?;
            self.states.push(State::DocumentEnd);
            self.state = State::BlockNode;
            Ok(Event::DocumentStart)
        } else if token.kind != Kind::StreamEnd {
            self.process_directives()?;
            let token = self.scanner.peek()?;
            if token.kind != Kind::DocumentStart {
                return Err(parser_error(
                    "did not find expected <document start>",
                    token.start,
                ));
            }
            self.states.push(State::DocumentEnd);
            self.state = State::DocumentContent;
            self.scanner.skip_token();
            Ok(Event::DocumentStart)
        } else {
            self.state = State::End;
            self.scanner.skip_token();
            Ok(Event::StreamEnd)
        }
    }

    fn parse_document_content(&mut self) -> Scan<Event> {
        let token = self.scanner.peek()?;
        if matches!(
            token.kind,
            Kind::VersionDirective { .. }
                | Kind::TagDirective { .. }
                | Kind::DocumentStart
                | Kind::DocumentEnd
                | Kind::StreamEnd
        ) {
            self.pop_state();
            return Ok(empty_scalar());
        }
        self.parse_node(true, false)
    }

    fn parse_document_end(&mut self) -> Scan<Event> {
        let token = self.scanner.peek()?;
        if token.kind == Kind::DocumentEnd {
            self.scanner.skip_token();
        }
        self.tag_directives.clear();
        self.state = State::DocumentStart;
        Ok(Event::DocumentEnd)
    }

    fn parse_node(&mut self, block: bool, indentless_sequence: bool) -> Scan<Event> {
        let token = self.scanner.peek()?;
        if let Kind::Alias(_) = token.kind {
            self.pop_state();
            let Kind::Alias(name) = self.scanner.skip_token().kind else {
                unreachable!("peeked an alias")
            };
            return Ok(Event::Alias(name));
        }
        let mut start_mark = token.start;
        let mut anchor = None;
        let mut tag_token: Option<(Vec<u8>, Vec<u8>)> = None;
        let mut tag_mark = Mark::default();
        if let Kind::Anchor(_) = token.kind {
            let Kind::Anchor(a) = self.scanner.skip_token().kind else {
                unreachable!("peeked an anchor")
            };
            anchor = Some(a);
            let token = self.scanner.peek()?;
            if let Kind::Tag { .. } = token.kind {
                tag_mark = token.start;
                let Kind::Tag { handle, suffix } = self.scanner.skip_token().kind else {
                    unreachable!("peeked a tag")
                };
                tag_token = Some((handle, suffix));
            }
        } else if let Kind::Tag { .. } = token.kind {
            start_mark = token.start;
            tag_mark = token.start;
            let Kind::Tag { handle, suffix } = self.scanner.skip_token().kind else {
                unreachable!("peeked a tag")
            };
            tag_token = Some((handle, suffix));
            let token = self.scanner.peek()?;
            if let Kind::Anchor(_) = token.kind {
                let Kind::Anchor(a) = self.scanner.skip_token().kind else {
                    unreachable!("peeked an anchor")
                };
                anchor = Some(a);
            }
        }
        let mut tag = Vec::new();
        if let Some((handle, suffix)) = tag_token {
            if handle.is_empty() {
                tag = suffix;
            } else {
                if let Some((_, prefix)) = self.tag_directives.iter().find(|(h, _)| *h == handle) {
                    tag.extend_from_slice(prefix);
                    tag.extend_from_slice(&suffix);
                }
                if tag.is_empty() {
                    return Err(parser_error_context(
                        start_mark,
                        "found undefined tag handle",
                        tag_mark,
                    ));
                }
            }
        }
        let token = self.scanner.peek()?;
        if indentless_sequence && token.kind == Kind::BlockEntry {
            self.state = State::IndentlessSequenceEntry;
            return Ok(Event::SequenceStart { anchor, tag });
        }
        match token.kind {
            Kind::Scalar { .. } => {
                self.pop_state();
                let Kind::Scalar { text, style } = self.scanner.skip_token().kind else {
                    unreachable!("peeked a scalar")
                };
                let implicit = (tag.is_empty() && style == Style::Plain) || tag == b"!";
                Ok(Event::Scalar {
                    anchor,
                    tag,
                    text,
                    implicit,
                })
            }
            Kind::FlowSequenceStart => {
                self.state = State::FlowSequenceFirstEntry;
                Ok(Event::SequenceStart { anchor, tag })
            }
            Kind::FlowMappingStart => {
                self.state = State::FlowMappingFirstKey;
                Ok(Event::MappingStart { anchor, tag })
            }
            Kind::BlockSequenceStart if block => {
                self.state = State::BlockSequenceFirstEntry;
                Ok(Event::SequenceStart { anchor, tag })
            }
            Kind::BlockMappingStart if block => {
                self.state = State::BlockMappingFirstKey;
                Ok(Event::MappingStart { anchor, tag })
            }
            _ if anchor.is_some() || !tag.is_empty() => {
                self.pop_state();
                let implicit = tag.is_empty();
                Ok(Event::Scalar {
                    anchor,
                    tag,
                    text: Text::Span(0, 0),
                    implicit,
                })
            }
            _ => Err(parser_error_context(
                start_mark,
                "did not find expected node content",
                token.start,
            )),
        }
    }

    /// Consumes the collection's start token and remembers where it was.
    fn enter_collection(&mut self) -> Scan<()> {
        let mark = self.scanner.peek()?.start;
        self.marks.push(mark);
        self.scanner.skip_token();
        Ok(())
    }

    fn leave_collection(&mut self) {
        self.pop_state();
        self.marks.pop();
    }

    fn parse_block_sequence_entry(&mut self, first: bool) -> Scan<Event> {
        if first {
            self.enter_collection()?;
        }
        let token = self.scanner.peek()?;
        match token.kind {
            Kind::BlockEntry => {
                self.scanner.skip_token();
                let token = self.scanner.peek()?;
                if token.kind != Kind::BlockEntry && token.kind != Kind::BlockEnd {
                    self.states.push(State::BlockSequenceEntry);
                    self.parse_node(true, false)
                } else {
                    self.state = State::BlockSequenceEntry;
                    Ok(empty_scalar())
                }
            }
            Kind::BlockEnd => {
                self.leave_collection();
                self.scanner.skip_token();
                Ok(Event::SequenceEnd)
            }
            _ => {
                let problem_mark = token.start;
                let context_mark = self.marks.pop().expect("a collection mark");
                Err(parser_error_context(
                    context_mark,
                    "did not find expected '-' indicator",
                    problem_mark,
                ))
            }
        }
    }

    fn parse_indentless_sequence_entry(&mut self) -> Scan<Event> {
        let token = self.scanner.peek()?;
        if token.kind == Kind::BlockEntry {
            self.scanner.skip_token();
            let token = self.scanner.peek()?;
            if !matches!(
                token.kind,
                Kind::BlockEntry | Kind::Key | Kind::Value | Kind::BlockEnd
            ) {
                self.states.push(State::IndentlessSequenceEntry);
                return self.parse_node(true, false);
            }
            self.state = State::IndentlessSequenceEntry;
            return Ok(empty_scalar());
        }
        self.pop_state();
        Ok(Event::SequenceEnd)
    }

    fn parse_block_mapping_key(&mut self, first: bool) -> Scan<Event> {
        if first {
            self.enter_collection()?;
        }
        let token = self.scanner.peek()?;
        match token.kind {
            Kind::Key => {
                self.scanner.skip_token();
                let token = self.scanner.peek()?;
                if !matches!(token.kind, Kind::Key | Kind::Value | Kind::BlockEnd) {
                    self.states.push(State::BlockMappingValue);
                    self.parse_node(true, true)
                } else {
                    self.state = State::BlockMappingValue;
                    Ok(empty_scalar())
                }
            }
            Kind::BlockEnd => {
                self.leave_collection();
                self.scanner.skip_token();
                Ok(Event::MappingEnd)
            }
            _ => {
                let problem_mark = token.start;
                let context_mark = self.marks.pop().expect("a collection mark");
                Err(parser_error_context(
                    context_mark,
                    "did not find expected key",
                    problem_mark,
                ))
            }
        }
    }

    fn parse_block_mapping_value(&mut self) -> Scan<Event> {
        let token = self.scanner.peek()?;
        if token.kind == Kind::Value {
            self.scanner.skip_token();
            let token = self.scanner.peek()?;
            if !matches!(token.kind, Kind::Key | Kind::Value | Kind::BlockEnd) {
                self.states.push(State::BlockMappingKey);
                return self.parse_node(true, true);
            }
        }
        self.state = State::BlockMappingKey;
        Ok(empty_scalar())
    }

    fn parse_flow_sequence_entry(&mut self, first: bool) -> Scan<Event> {
        if first {
            self.enter_collection()?;
        }
        let mut token = self.scanner.peek()?;
        if token.kind != Kind::FlowSequenceEnd {
            if !first {
                if token.kind == Kind::FlowEntry {
                    self.scanner.skip_token();
                    token = self.scanner.peek()?;
                } else {
                    let problem_mark = token.start;
                    let context_mark = self.marks.pop().expect("a collection mark");
                    return Err(parser_error_context(
                        context_mark,
                        "did not find expected ',' or ']'",
                        problem_mark,
                    ));
                }
            }
            if token.kind == Kind::Key {
                self.state = State::FlowSequenceEntryMappingKey;
                self.scanner.skip_token();
                return Ok(Event::MappingStart {
                    anchor: None,
                    tag: Vec::new(),
                });
            } else if token.kind != Kind::FlowSequenceEnd {
                self.states.push(State::FlowSequenceEntry);
                return self.parse_node(false, false);
            }
        }
        self.leave_collection();
        self.scanner.skip_token();
        Ok(Event::SequenceEnd)
    }

    fn parse_flow_sequence_entry_mapping_key(&mut self) -> Scan<Event> {
        let token = self.scanner.peek()?;
        if !matches!(
            token.kind,
            Kind::Value | Kind::FlowEntry | Kind::FlowSequenceEnd
        ) {
            self.states.push(State::FlowSequenceEntryMappingValue);
            return self.parse_node(false, false);
        }
        self.scanner.skip_token();
        self.state = State::FlowSequenceEntryMappingValue;
        Ok(empty_scalar())
    }

    fn parse_flow_sequence_entry_mapping_value(&mut self) -> Scan<Event> {
        let token = self.scanner.peek()?;
        if token.kind == Kind::Value {
            self.scanner.skip_token();
            let token = self.scanner.peek()?;
            if token.kind != Kind::FlowEntry && token.kind != Kind::FlowSequenceEnd {
                self.states.push(State::FlowSequenceEntryMappingEnd);
                return self.parse_node(false, false);
            }
        }
        self.state = State::FlowSequenceEntryMappingEnd;
        Ok(empty_scalar())
    }

    fn parse_flow_mapping_key(&mut self, first: bool) -> Scan<Event> {
        if first {
            self.enter_collection()?;
        }
        let mut token = self.scanner.peek()?;
        if token.kind != Kind::FlowMappingEnd {
            if !first {
                if token.kind == Kind::FlowEntry {
                    self.scanner.skip_token();
                    token = self.scanner.peek()?;
                } else {
                    let problem_mark = token.start;
                    let context_mark = self.marks.pop().expect("a collection mark");
                    return Err(parser_error_context(
                        context_mark,
                        "did not find expected ',' or '}'",
                        problem_mark,
                    ));
                }
            }
            if token.kind == Kind::Key {
                self.scanner.skip_token();
                let token = self.scanner.peek()?;
                if !matches!(
                    token.kind,
                    Kind::Value | Kind::FlowEntry | Kind::FlowMappingEnd
                ) {
                    self.states.push(State::FlowMappingValue);
                    return self.parse_node(false, false);
                }
                self.state = State::FlowMappingValue;
                return Ok(empty_scalar());
            } else if token.kind != Kind::FlowMappingEnd {
                self.states.push(State::FlowMappingEmptyValue);
                return self.parse_node(false, false);
            }
        }
        self.leave_collection();
        self.scanner.skip_token();
        Ok(Event::MappingEnd)
    }

    fn parse_flow_mapping_value(&mut self, empty: bool) -> Scan<Event> {
        let token = self.scanner.peek()?;
        if empty {
            self.state = State::FlowMappingKey;
            return Ok(empty_scalar());
        }
        if token.kind == Kind::Value {
            self.scanner.skip_token();
            let token = self.scanner.peek()?;
            if token.kind != Kind::FlowEntry && token.kind != Kind::FlowMappingEnd {
                self.states.push(State::FlowMappingKey);
                return self.parse_node(false, false);
            }
        }
        self.state = State::FlowMappingKey;
        Ok(empty_scalar())
    }

    fn process_directives(&mut self) -> Scan<()> {
        let mut version_seen = false;
        loop {
            let token = self.scanner.peek()?;
            match &token.kind {
                Kind::VersionDirective { major, minor } => {
                    if version_seen {
                        return Err(parser_error("found duplicate %YAML directive", token.start));
                    }
                    if *major != 1 || *minor != 1 {
                        return Err(parser_error(
                            "found incompatible YAML document",
                            token.start,
                        ));
                    }
                    version_seen = true;
                }
                Kind::TagDirective { handle, .. } => {
                    if self.tag_directives.iter().any(|(h, _)| h == handle) {
                        return Err(parser_error("found duplicate %TAG directive", token.start));
                    }
                    let Kind::TagDirective { handle, prefix } = self.scanner.skip_token().kind
                    else {
                        unreachable!("peeked a directive")
                    };
                    self.tag_directives.push((handle, prefix));
                    continue;
                }
                _ => break,
            }
            self.scanner.skip_token();
        }
        for (handle, prefix) in [(&b"!"[..], &b"!"[..]), (b"!!", b"tag:yaml.org,2002:")] {
            if !self.tag_directives.iter().any(|(h, _)| h == handle) {
                self.tag_directives.push((handle.to_vec(), prefix.to_vec()));
            }
        }
        Ok(())
    }
}
