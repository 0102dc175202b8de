//! Writing annotated documents as JSON, JSON lines, HTML or CoNLL columns.
//!
//! Every writer takes entities whose offsets are UTF-8 bytes of `text` (the core's unit) plus the unit the
//! user asked for; JSON output converts offsets at the very end, HTML and CoNLL need none.

use article_annotator::text::offsets::{entities_to_unit, OffsetUnit};
use article_annotator::text::Document;
use article_annotator::Entity;
use serde::Serialize;
use serde_json::Value;

/// The output format of `annotate [FILE...]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One pretty JSON object per input (an array when there are several inputs).
    Json,
    /// One `{"id", "entities"}` line per input.
    Jsonl,
    /// A standalone HTML page with `<mark data-label="...">` highlights.
    Html,
    /// Token-per-line BIO columns, sentences separated by blank lines.
    Conll,
}

impl Format {
    /// Parses `json`, `jsonl`, `html` or `conll`.
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "html" => Some(Format::Html),
            "conll" | "bio" => Some(Format::Conll),
            _ => None,
        }
    }
}

/// A document's output, `id` first (serde_json's own maps would sort the keys).
#[derive(Serialize)]
pub struct DocOut {
    /// The input's id (the file name for files).
    pub id: Value,
    /// The entities, offsets in the unit asked for.
    pub entities: Vec<Entity>,
}

impl DocOut {
    /// Converts the entities' byte offsets of `text` to `unit`.
    pub fn new(id: Value, text: &str, mut entities: Vec<Entity>, unit: OffsetUnit) -> DocOut {
        entities_to_unit(text, &mut entities, unit);
        DocOut { id, entities }
    }
}

/// A `--jsonl` line that could not be annotated.
#[derive(Serialize)]
struct ErrorOut<'a> {
    id: &'a Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    error: &'a str,
}

/// The `{"id": ..., "entities": [...]}` line (with its newline), offsets converted to `unit`.
pub fn entities_line(id: &Value, text: &str, entities: Vec<Entity>, unit: OffsetUnit) -> String {
    let mut s = serde_json::to_string(&DocOut::new(id.clone(), text, entities, unit))
        .expect("entities serialise");
    s.push('\n');
    s
}

/// The `{"id": ..., "line": N, "error": "..."}` line (with its newline).
pub fn error_line(id: &Value, line: Option<usize>, error: &str) -> String {
    let mut s = serde_json::to_string(&ErrorOut { id, line, error }).expect("errors serialise");
    s.push('\n');
    s
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str, out: &mut String) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            0 => "\u{FFFD}", // NUL is not allowed in HTML text; show a replacement character instead
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// The start of the HTML page (style for `<mark data-label>` badges, displaCy-like).
pub const HTML_HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>annotate</title>
<style>
body { font: 16px/1.8 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
article { white-space: pre-wrap; margin-bottom: 3rem; }
h2 { font-size: 0.9rem; color: #555; }
mark { padding: 0.1em 0.3em; border-radius: 0.3em; background: #ddd; }
mark::after { content: attr(data-label); font-size: 0.6em; font-weight: bold; margin-left: 0.4em; vertical-align: middle; }
mark[data-label="PERSON"] { background: #aa9cfc; }
mark[data-label="PLACE"] { background: #feca74; }
mark[data-label="ORG"] { background: #7aecec; }
mark[data-label="MISC"] { background: #c887fb; }
mark[data-label="NUMBER"], mark[data-label="ORDINAL"] { background: #e4e7d2; }
mark[data-label="MONEY"], mark[data-label="PERCENT"], mark[data-label="QUANTITY"] { background: #e4e7d2; }
mark[data-label="DATE"], mark[data-label="TIME"] { background: #bfe1d9; }
mark { color: #111; }
@media (prefers-color-scheme: dark) {
  body { background: #16181d; color: #e6e6e6; }
  h2 { color: #aaa; }
}
</style>
</head>
<body>
"#;

/// The end of the HTML page.
pub const HTML_TAIL: &str = "</body>\n</html>\n";

/// One document as an HTML `<article>`: the escaped text with each entity in `<mark data-label="...">`.
/// `entities` are in UTF-8 byte offsets, sorted and non-overlapping.
pub fn html_article(name: &str, text: &str, entities: &[Entity]) -> String {
    let mut out = String::with_capacity(text.len() + entities.len() * 40 + 100);
    out.push_str("<h2>");
    escape_html(name, &mut out);
    out.push_str("</h2>\n<article>");
    let mut pos = 0;
    for e in entities {
        if e.start < pos
            || e.end > text.len()
            || !text.is_char_boundary(e.start)
            || !text.is_char_boundary(e.end)
        {
            continue; // never happens for annotate()'s output; skipping keeps the text intact if it did
        }
        escape_html(&text[pos..e.start], &mut out);
        out.push_str("<mark data-label=\"");
        out.push_str(e.label.as_str());
        out.push_str("\">");
        escape_html(&text[e.start..e.end], &mut out);
        out.push_str("</mark>");
        pos = e.end;
    }
    escape_html(&text[pos..], &mut out);
    out.push_str("</article>\n");
    out
}

/// One document as CoNLL columns: `token<TAB>tag` lines (`B-PERSON`, `I-PERSON`, `O`), a blank line after
/// each sentence, preceded by a `-DOCSTART-` line, so `../shared/eval/bio_to_docs.py` reads it back.
/// A token that overlaps an entity carries its label.
pub fn conll_document(text: &str, entities: &[Entity]) -> String {
    let doc = Document::new(text);
    let mut out = String::with_capacity(text.len() * 2 + 16);
    out.push_str("-DOCSTART-\tO\n\n");
    let mut k = 0; // first entity that may still overlap a token
    let mut open: Option<usize> = None; // entity whose B- tag was written
    for sentence in &doc.sentences {
        for t in &doc.tokens[sentence.clone()] {
            while k < entities.len() && entities[k].end <= t.start {
                k += 1;
            }
            out.push_str(t.text(text));
            out.push('\t');
            match entities.get(k) {
                Some(e) if e.start < t.end => {
                    out.push_str(if open == Some(k) { "I-" } else { "B-" });
                    out.push_str(e.label.as_str());
                    open = Some(k);
                }
                _ => out.push('O'),
            }
            out.push('\n');
        }
        out.push('\n');
        open = None;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_annotator::Label;
    use serde_json::json;

    fn ent(text: &str, start: usize, end: usize, label: Label) -> Entity {
        Entity {
            start,
            end,
            label,
            text: text[start..end].to_string(),
            score: 1.0,
            group: None,
            value: None,
        }
    }

    #[test]
    fn html_escapes_everything_and_marks_entities() {
        let text = "<script>alert('x')</script> & Anna \"met\" Bob";
        let s = text.find("Anna").unwrap();
        let html = html_article("a<b>.txt", text, &[ent(text, s, s + 4, Label::Person)]);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "));
        assert!(html.contains("<mark data-label=\"PERSON\">Anna</mark>"));
        assert!(html.contains("<h2>a&lt;b&gt;.txt</h2>"));
    }

    #[test]
    fn conll_tags_tokens_bio() {
        let text = "Anna Maria Smith left. Bob stayed.";
        let es = [
            ent(text, 0, 16, Label::Person),
            ent(text, 23, 26, Label::Person),
        ];
        let out = conll_document(text, &es);
        assert_eq!(
            out,
            "-DOCSTART-\tO\n\nAnna\tB-PERSON\nMaria\tI-PERSON\nSmith\tI-PERSON\nleft\tO\n.\tO\n\nBob\tB-PERSON\nstayed\tO\n.\tO\n\n"
        );
    }

    #[test]
    fn entities_json_converts_offsets() {
        let text = "😀 Anna";
        let line = entities_line(
            &json!("x"),
            text,
            vec![ent(text, 5, 9, Label::Person)],
            OffsetUnit::Utf16,
        );
        assert!(line.starts_with(
            r#"{"id":"x","entities":[{"start":3,"end":7,"label":"PERSON","text":"Anna""#
        ));
        assert!(line.ends_with("}]}\n"));
    }
}
