//! Property tests: on arbitrary strings the tokenizer, the sentence splitter, `annotate()` and the offset
//! conversion keep their contracts (GUIDE sections 2 and 3). Strings mix arbitrary characters with the ones
//! that make tokenizers stumble: astral emoji, ZWJ sequences, combining marks, right-to-left letters, NUL,
//! CRLF, curly apostrophes, digits with separators, currency signs and abbreviations.
#![cfg(not(target_arch = "wasm32"))]

use article_annotator::text::offsets::{convert_sorted, entities_to_unit, OffsetUnit};
use article_annotator::text::Document;
use article_annotator::{annotate, CivilDate, Options};
use proptest::prelude::*;

fn tricky_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<char>().prop_map(String::from),
        any::<char>().prop_map(String::from),
        prop::sample::select(vec![
            " ",
            " ",
            " ",
            "\n",
            "\r\n",
            "\t",
            "\u{a0}",
            "\u{2029}",
            ".",
            ",",
            "'",
            "’",
            "-",
            "—",
            "$",
            "%",
            "€",
            "\"",
            "“",
            "”",
            "(",
            ")",
            "\u{0}",
            "\u{301}",
            "\u{200D}",
            "\u{200C}",
            "\u{FE0F}",
            "👩‍👩‍👧",
            "👍🏽",
            "😀",
            "🇰🇿",
            "שלום",
            "مرحبا",
            "٣",
            "é",
            "Nazarbáyev",
            "U.S.",
            "Mr.",
            "p.m.",
            "2,000",
            "4.5bn",
            "1991",
            "January",
            "Wed",
            "n't",
            "’s",
            "'s",
            "Moscow-led",
            "More than",
            "at least",
            "per cent",
            "12%",
            "3 p.m.",
            "15:30",
            "1/6/2022",
            "21st",
            "first",
            "hundreds",
            "million",
            "Kazakhstan",
            "The",
            "<b>",
            "&amp;",
            "1,000,000.5",
            "0.",
            ".5",
            "--",
            "...",
            "…",
        ])
        .prop_map(String::from),
    ]
}

fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_piece(), 0..80).prop_map(|v| v.concat())
}

fn check_tokens(text: &str) {
    let doc = Document::new(text);
    let mut prev_end = 0;
    for t in &doc.tokens {
        assert!(t.start < t.end, "empty token {t:?} in {text:?}");
        assert!(
            t.start >= prev_end,
            "tokens out of order or overlapping in {text:?}"
        );
        assert!(
            text.is_char_boundary(t.start) && text.is_char_boundary(t.end),
            "token off a char boundary"
        );
        assert!(
            !t.text(text).chars().all(char::is_whitespace),
            "whitespace token in {text:?}"
        );
        prev_end = t.end;
    }
    // Tokens plus whitespace cover the text: nothing but whitespace lies between tokens.
    let mut pos = 0;
    for t in &doc.tokens {
        assert!(
            text[pos..t.start].chars().all(char::is_whitespace),
            "lost text before {t:?} in {text:?}"
        );
        pos = t.end;
    }
    assert!(text[pos..].chars().all(char::is_whitespace));
    // Sentences cover every token, in order.
    let mut next = 0;
    for s in &doc.sentences {
        assert_eq!(s.start, next);
        assert!(s.end > s.start);
        next = s.end;
    }
    assert_eq!(next, doc.tokens.len());
}

fn check_entities(text: &str, options: &Options) {
    let entities = annotate(text, options);
    let mut prev_end = 0;
    for e in &entities {
        assert!(e.start < e.end && e.end <= text.len(), "bad span {e:?}");
        assert!(
            e.start >= prev_end,
            "entities unsorted or overlapping in {text:?}"
        );
        assert!(
            text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
            "entity off a char boundary"
        );
        assert_eq!(e.text, &text[e.start..e.end]);
        assert!((0.0..=1.0).contains(&e.score));
        if let Some(ls) = &options.labels {
            assert!(ls.contains(&e.label));
        }
        prev_end = e.end;
    }
    // The three offset units agree: converting bytes to UTF-16 or code points equals counting the prefix.
    for unit in [OffsetUnit::Utf16, OffsetUnit::Codepoint, OffsetUnit::Utf8] {
        let mut converted = entities.clone();
        entities_to_unit(text, &mut converted, unit);
        for (c, e) in converted.iter().zip(&entities) {
            let count = |b: usize| match unit {
                OffsetUnit::Utf8 => b,
                OffsetUnit::Utf16 => text[..b].encode_utf16().count(),
                OffsetUnit::Codepoint => text[..b].chars().count(),
            };
            assert_eq!(
                (c.start, c.end),
                (count(e.start), count(e.end)),
                "{unit:?} offsets of {e:?}"
            );
            assert_eq!(c.text, e.text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn tokens_are_ordered_disjoint_and_on_boundaries(text in tricky_text()) {
        check_tokens(&text);
    }

    #[test]
    fn tokens_of_any_string(text in any::<String>()) {
        check_tokens(&text);
    }

    #[test]
    fn entities_keep_their_contract(text in tricky_text()) {
        check_entities(&text, &Options::default());
        let dated = Options { document_date: Some(CivilDate { year: 2022, month: 1, day: 19 }), ..Options::default() };
        check_entities(&text, &dated);
    }

    #[test]
    fn entities_of_any_string(text in any::<String>()) {
        check_entities(&text, &Options::default());
    }

    #[test]
    fn offsets_agree_at_every_boundary(text in tricky_text()) {
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        let u16s = convert_sorted(&text, &bytes, OffsetUnit::Utf16);
        let cps = convert_sorted(&text, &bytes, OffsetUnit::Codepoint);
        for (k, &b) in bytes.iter().enumerate() {
            prop_assert_eq!(u16s[k], text[..b].encode_utf16().count());
            prop_assert_eq!(cps[k], k);
        }
    }
}
