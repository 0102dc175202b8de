//! Fuzzes the core and the command line's text handling with the invariants of `tests/prop_invariants.rs`:
//! tokens ordered, disjoint and on character boundaries; entities sorted, non-overlapping, on boundaries,
//! `text` equal to the slice; UTF-16 and code point offsets equal to counting the prefix. The bytes are also
//! read as a gold file (`annotate eval`) and written as HTML and CoNLL, which must never panic.
//!
//! Run: `make fuzz` (or `cd fuzz && cargo +nightly fuzz run annotate -- -max_total_time=300`).
#![no_main]

#[path = "../../src/cli/eval.rs"]
#[allow(dead_code)]
mod eval;
#[path = "../../src/cli/output.rs"]
#[allow(dead_code)]
mod output;

use article_annotator::text::offsets::{entities_to_unit, OffsetUnit};
use article_annotator::text::Document;
use article_annotator::{annotate, CivilDate, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;

    let doc = Document::new(text);
    let mut prev = 0;
    for t in &doc.tokens {
        assert!(t.start >= prev && t.start < t.end && t.end <= text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        prev = t.end;
    }
    assert_eq!(doc.sentences.last().map_or(0, |s| s.end), doc.tokens.len());

    let options = Options {
        document_date: Some(CivilDate { year: 2022, month: 1, day: 19 }),
        ..Options::default()
    };
    let entities = annotate(text, &options);
    let mut prev = 0;
    for e in &entities {
        assert!(e.start >= prev && e.start < e.end && e.end <= text.len());
        assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        assert_eq!(e.text, &text[e.start..e.end]);
        prev = e.end;
    }
    for unit in [OffsetUnit::Utf16, OffsetUnit::Codepoint] {
        let mut converted = entities.clone();
        entities_to_unit(text, &mut converted, unit);
        for (c, e) in converted.iter().zip(&entities) {
            let count = |b: usize| match unit {
                OffsetUnit::Utf16 => text[..b].encode_utf16().count(),
                _ => text[..b].chars().count(),
            };
            assert_eq!((c.start, c.end), (count(e.start), count(e.end)));
        }
    }

    let _ = output::html_article("fuzz", text, &entities);
    let _ = output::conll_document(text, &entities);
    let _ = eval::read_gold("fuzz.txt", text);
});
