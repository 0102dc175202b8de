//! Candidates beyond the rules' own reading, for the learned filter to judge: vague time words that OntoNotes
//! tags only some of the time (`the day`, `years`, `morning`), and alternative boundaries of what the rules
//! read (with a following `'s`, without a leading `the` / qualifier, with a preceding `the`).

use crate::text::Document;
use crate::{Entity, Label};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Where a candidate comes from (a feature of the filter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Origin {
    /// read by the rules
    Rule = 0,
    /// a vague time phrase from [`PHRASES`]
    Phrase = 1,
    /// a rule's reading extended over a following `'s`
    Possessive = 2,
    /// a rule's reading without its first word (`the`, `about`, ...)
    Trimmed = 3,
    /// a rule's reading with a preceding `the`
    WithThe = 4,
}

/// A candidate figure and where it comes from.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// the figure (its `score` is the rule family's fixed score)
    pub entity: Entity,
    /// where it comes from
    pub origin: Origin,
}

/// Vague phrases (lowercase, space-separated tokens) and their label.
const PHRASES: &[(&str, Label)] = &[
    ("the day", Label::Date),
    ("that day", Label::Date),
    ("the same day", Label::Date),
    ("a day", Label::Date),
    ("every day", Label::Date),
    ("day", Label::Date),
    ("days", Label::Date),
    ("these days", Label::Date),
    ("that year", Label::Date),
    ("a year", Label::Date),
    ("year", Label::Date),
    ("years", Label::Date),
    ("the years", Label::Date),
    ("many years", Label::Date),
    ("fiscal year", Label::Date),
    ("week", Label::Date),
    ("weeks", Label::Date),
    ("the week", Label::Date),
    ("month", Label::Date),
    ("months", Label::Date),
    ("the month", Label::Date),
    ("decades", Label::Date),
    ("century", Label::Date),
    ("the century", Label::Date),
    ("weekly", Label::Date),
    ("seasonally", Label::Date),
    ("now", Label::Date),
    ("the time", Label::Date),
    ("summer", Label::Date),
    ("the summer", Label::Date),
    ("fall", Label::Date),
    ("winter", Label::Date),
    ("spring", Label::Date),
    ("morning", Label::Time),
    ("the morning", Label::Time),
    ("night", Label::Time),
    ("the night", Label::Time),
    ("afternoon", Label::Time),
    ("the afternoon", Label::Time),
    ("evening", Label::Time),
    ("the evening", Label::Time),
    ("an hour", Label::Time),
    ("hours", Label::Time),
    ("minutes", Label::Time),
];

/// The longest first word of a phrase in [`PHRASES`] (longer tokens are skipped without a look-up).
const MAX_FIRST: usize = 12;

type PhraseIndex = HashMap<&'static str, Vec<(Vec<&'static str>, Label)>>;

/// [`PHRASES`] split into words and indexed by their first word, built once. Matching each token against
/// every phrase (splitting the phrase each time) cost as much as all the rest of the figures stage.
fn phrase_index() -> &'static PhraseIndex {
    static INDEX: OnceLock<PhraseIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m: PhraseIndex = HashMap::new();
        for &(p, label) in PHRASES {
            let words: Vec<&'static str> = p.split(' ').collect();
            debug_assert!(words[0].len() <= MAX_FIRST);
            m.entry(words[0]).or_default().push((words, label));
        }
        m
    })
}

/// Words a reading may lose at its start.
const TRIM: &[&str] = &[
    "the", "about", "some", "only", "over", "around", "nearly", "almost", "just", "more",
];

/// The rules' candidates plus the extra ones, sorted by start (extras may overlap rule readings).
pub fn expand(doc: &Document<'_>, rules: Vec<Entity>) -> Vec<Candidate> {
    let toks = &doc.tokens;
    let n = toks.len();
        let mut covered = vec![false; n];
    let mut out: Vec<Candidate> = Vec::with_capacity(rules.len() * 2);
    let ent = |a: usize, b: usize, label: Label, score: f32| Entity {
        start: toks[a].start,
        end: toks[b - 1].end,
        label,
        text: doc.text[toks[a].start..toks[b - 1].end].to_string(),
        score,
        group: None,
        value: None,
    };
    for e in &rules {
        let a = toks.partition_point(|t| t.start < e.start);
        let b = toks.partition_point(|t| t.start < e.end).min(n);
        if a >= b {
            continue;
        }
        covered[a..b].iter_mut().for_each(|c| *c = true);
        if b < n
            && matches!(toks[b].text(doc.text), "'s" | "’s")
            && toks[b].start <= toks[b - 1].end + 1
        {
            let mut x = ent(a, b + 1, e.label, e.score);
            x.value = e.value.clone();
            out.push(Candidate {
                entity: x,
                origin: Origin::Possessive,
            });
        }
        if b - a >= 2 && TRIM.iter().any(|w| toks[a].text(doc.text).eq_ignore_ascii_case(w)) {
            let mut x = ent(a + 1, b, e.label, e.score);
            x.value = e.value.clone();
            out.push(Candidate {
                entity: x,
                origin: Origin::Trimmed,
            });
        }
        if a > 0 && toks[a - 1].text(doc.text).eq_ignore_ascii_case("the") && matches!(e.label, Label::Date | Label::Time) {
            let mut x = ent(a - 1, b, e.label, e.score);
            x.value = e.value.clone();
            out.push(Candidate {
                entity: x,
                origin: Origin::WithThe,
            });
        }
    }
    out.extend(rules.into_iter().map(|entity| Candidate {
        entity,
        origin: Origin::Rule,
    }));
    // vague phrases over tokens no rule read, longest first
    let index = phrase_index();
    let mut buf = [0u8; MAX_FIRST];
    let mut i = 0;
    while i < n {
        let first = toks[i].text(doc.text).as_bytes();
        // a cheap test first: most tokens are too long, covered or not a first word of any phrase
        if first.len() > MAX_FIRST || covered[i] || !first.iter().all(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        for (d, c) in buf.iter_mut().zip(first) {
            *d = c.to_ascii_lowercase();
        }
        let key = std::str::from_utf8(&buf[..first.len()]).unwrap_or("");
        let mut best: Option<(usize, Label)> = None;
        for (words, label) in index.get(key).map_or(&[][..], Vec::as_slice) {
            let k = words.len();
            if i + k > n || best.is_some_and(|(bk, _)| bk >= k) {
                continue;
            }
            if words
                .iter()
                .enumerate()
                .all(|(j, w)| !covered[i + j] && toks[i + j].text(doc.text).eq_ignore_ascii_case(w))
            {
                best = Some((k, *label));
            }
        }
        if let Some((k, label)) = best {
            out.push(Candidate {
                entity: ent(i, i + k, label, 0.5),
                origin: Origin::Phrase,
            });
            i += k;
        } else {
            i += 1;
        }
    }
    out.sort_by_key(|c| (c.entity.start, c.entity.end));
    out
}
