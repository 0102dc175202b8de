//! Candidates beyond the rules' own reading, for the learned filter to judge: vague time words that OntoNotes
//! tags only some of the time (`the day`, `years`, `morning`), and alternative boundaries of what the rules
//! read (with a following `'s`, without a leading `the` / qualifier, with a preceding `the`).

use crate::text::Document;
use crate::{Entity, Label};

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

/// Words a reading may lose at its start.
const TRIM: &[&str] = &[
    "the", "about", "some", "only", "over", "around", "nearly", "almost", "just", "more",
];

/// The rules' candidates plus the extra ones, sorted by start (extras may overlap rule readings).
pub fn expand(doc: &Document<'_>, rules: Vec<Entity>) -> Vec<Candidate> {
    let toks = &doc.tokens;
    let n = toks.len();
    let low = |i: usize| -> String { toks[i].text(doc.text).to_ascii_lowercase() };
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
        if b - a >= 2 && TRIM.contains(&low(a).as_str()) {
            let mut x = ent(a + 1, b, e.label, e.score);
            x.value = e.value.clone();
            out.push(Candidate {
                entity: x,
                origin: Origin::Trimmed,
            });
        }
        if a > 0 && low(a - 1) == "the" && matches!(e.label, Label::Date | Label::Time) {
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
    let mut i = 0;
    while i < n {
        if covered[i]
            || !toks[i]
                .text(doc.text)
                .bytes()
                .all(|c| c.is_ascii_alphabetic())
        {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, Label)> = None;
        let first = toks[i].text(doc.text);
        for &(p, label) in PHRASES {
            if !p
                .split(' ')
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case(first))
            {
                continue;
            }
            let k = p.split(' ').count();
            if i + k > n || best.is_some_and(|(bk, _)| bk >= k) {
                continue;
            }
            if p.split(' ')
                .enumerate()
                .all(|(j, w)| !covered[i + j] && toks[i + j].text(doc.text).eq_ignore_ascii_case(w))
            {
                best = Some((k, label));
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
