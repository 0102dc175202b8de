//! Sparse features of each token, hashed to 32-bit ids.
//!
//! One function, [`DocFeatures::token`], serves both training and tagging, so the model sees at run time
//! exactly the features it was trained on. A feature is a template number plus the strings it looks at
//! (`lower[-1]=the`), hashed with [`FeatureHash`]; the model keeps weights only for the ids it found useful.
//!
//! Templates: the word and its lowercase (digits folded to `0`), shapes (`Xxxx`, `X.X.`), prefixes and
//! suffixes, the neighbouring words and shapes two either side and their bigrams, the Brown cluster path of
//! the word and its neighbours at several prefix lengths, gazetteer matches (multi-token, with begin/inside)
//! of the word and its neighbours, sentence position, all-capitals sentences (headlines), and two
//! document-level hints: the same word written in lowercase elsewhere in the document, and the same word
//! capitalised in the middle of a sentence elsewhere.

use super::hash::{FeatureHash, FxHashMap};
use super::resources::{Resources, GAZ_CATEGORIES, GAZ_MAX_TOKENS, GAZ_PREFIX};
use crate::text::{Document, TokenKind};
use std::ops::Range;

const SEEN_LOWER: u8 = 1;
const SEEN_CAP_MID: u8 = 2;

/// Per-token facts of one document, computed once, from which each token's features are read.
pub struct DocFeatures<'d> {
    words: Vec<&'d str>,
    lower: Vec<String>,
    shape: Vec<String>,
    short: Vec<String>,
    cluster: Vec<Option<(u32, u8)>>,
    gaz: Vec<u32>,
    demonym: Vec<bool>,
    kind: Vec<TokenKind>,
    doc_flags: Vec<u8>,
    caps_sentence: Vec<bool>,
}

fn fold(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    for c in w.chars() {
        if c.is_ascii_digit() {
            s.push('0');
        } else {
            s.extend(c.to_lowercase());
        }
    }
    s
}

fn shape(w: &str, max: usize) -> String {
    let mut s = String::new();
    for c in w.chars().take(max) {
        s.push(if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        });
    }
    s
}

fn short_shape(long: &str) -> String {
    let mut s = String::new();
    let mut last = None;
    for c in long.chars() {
        if Some(c) != last {
            s.push(c);
        }
        last = Some(c);
    }
    s
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

impl<'d> DocFeatures<'d> {
    /// Computes the per-token facts of `doc`.
    #[allow(clippy::needless_range_loop)]
    pub fn new(doc: &Document<'d>, res: &Resources) -> DocFeatures<'d> {
        let n = doc.tokens.len();
        let words: Vec<&str> = doc.tokens.iter().map(|t| t.text(doc.text)).collect();
        let lower: Vec<String> = words.iter().map(|w| fold(w)).collect();
        let shape: Vec<String> = words.iter().map(|w| shape(w, 8)).collect();
        let short: Vec<String> = shape.iter().map(|s| short_shape(s)).collect();
        let cluster = words
            .iter()
            .zip(&lower)
            .map(|(w, l)| {
                res.clusters.get(*w).or_else(|| res.clusters.get(l.as_str())).copied().or_else(|| {
                    // HEADLINE -> Headline
                    let mut cs = l.chars();
                    let first = cs.next()?;
                    let title: String = first.to_uppercase().chain(cs).collect();
                    res.clusters.get(&title).copied()
                })
            })
            .collect();
        // Gazetteer: longest match from each start; bits 2*cat (begin) and 2*cat+1 (inside).
        let mut gaz = vec![0u32; n];
        if !res.gazetteer.is_empty() {
            let mut key = String::new();
            for i in 0..n {
                key.clear();
                let mut best: Option<(usize, u16)> = None;
                for j in i..n.min(i + GAZ_MAX_TOKENS) {
                    if j > i {
                        key.push(' ');
                    }
                    key.push_str(&words[j].to_lowercase());
                    match res.gazetteer.get(key.as_str()) {
                        Some(&m) => {
                            if m & !GAZ_PREFIX != 0 {
                                best = Some((j, m & !GAZ_PREFIX));
                            }
                            if m & GAZ_PREFIX == 0 {
                                break;
                            }
                        }
                        None => break,
                    }
                }
                if let Some((j, m)) = best {
                    for c in 0..GAZ_CATEGORIES.len() {
                        if m & (1 << c) != 0 {
                            gaz[i] |= 1 << (2 * c);
                            for g in &mut gaz[i + 1..=j] {
                                *g |= 1 << (2 * c + 1);
                            }
                        }
                    }
                }
            }
        }
        // Capitalised words that look derived from a country's name: Kazakh(stan), Russia(n), Armenia(n),
        // Tajik(istan), Chin(a)(ese).
        let demonym = words
            .iter()
            .zip(&lower)
            .map(|(w, l)| {
                if !is_cap(w) || l.len() < 4 || res.gazetteer.is_empty() {
                    return false;
                }
                let country = |k: &str| res.gazetteer.get(k).is_some_and(|m| m & 1 != 0);
                let stem = |suf: &str| l.strip_suffix(suf);
                country(&format!("{l}stan"))
                    || country(&format!("{l}istan"))
                    || stem("n").is_some_and(country)
                    || stem("ese").is_some_and(|s| country(&format!("{s}a")) || country(s))
                    || stem("ian").is_some_and(|s| country(s) || country(&format!("{s}ia")))
                    || stem("an").is_some_and(|s| country(&format!("{s}a")) || country(s))
                    || stem("ish").is_some_and(|s| country(&format!("{s}land")) || country(&format!("{s}ey")))
                    || stem("i").is_some_and(|s| country(s) || country(&format!("{s}an")))
            })
            .collect();
        let kind = doc.tokens.iter().map(|t| t.kind).collect();
        // Sentences mostly in capitals (headlines).
        let mut caps_sentence = vec![false; n];
        for s in &doc.sentences {
            let (mut letters, mut caps) = (0, 0);
            for w in &words[s.clone()] {
                if w.chars().any(|c| c.is_alphabetic()) {
                    letters += 1;
                    if !w.chars().any(|c| c.is_lowercase()) {
                        caps += 1;
                    }
                }
            }
            let flag = letters >= 2 && caps * 10 >= letters * 7;
            caps_sentence[s.clone()].iter_mut().for_each(|c| *c = flag);
        }
        // How the same word is written elsewhere in the document.
        let mut seen: FxHashMap<&str, u8> = FxHashMap::default();
        for s in &doc.sentences {
            for i in s.clone() {
                if doc.tokens[i].kind != TokenKind::Word || caps_sentence[i] {
                    continue;
                }
                let w = words[i];
                let f = seen.entry(lower[i].as_str()).or_insert(0);
                if w.chars().next().is_some_and(|c| c.is_lowercase()) {
                    *f |= SEEN_LOWER;
                } else if i > s.start && is_cap(w) {
                    *f |= SEEN_CAP_MID;
                }
            }
        }
        let doc_flags = lower.iter().map(|l| seen.get(l.as_str()).copied().unwrap_or(0)).collect();
        DocFeatures { words, lower, shape, short, cluster, gaz, demonym, kind, doc_flags, caps_sentence }
    }

    /// The key under which token `i`'s predicted labels are remembered for later sentences of the document
    /// (the prediction history): capitalised words and words of all-capitals sentences, in lowercase.
    pub fn history_key(&self, i: usize) -> Option<&str> {
        let w = self.words[i];
        (self.kind[i] == TokenKind::Word && (is_cap(w) || self.caps_sentence[i]) && w.chars().count() > 1)
            .then(|| self.lower[i].as_str())
    }

    /// Appends the feature ids of token `i` of sentence `s` (a token range) to `out`.
    pub fn token(&self, i: usize, s: &Range<usize>, out: &mut Vec<u32>) {
        let lw = |k: isize| -> &str {
            let j = i as isize + k;
            if j < s.start as isize {
                "<S>"
            } else if j >= s.end as isize {
                "</S>"
            } else {
                &self.lower[j as usize]
            }
        };
        let sh = |k: isize| -> &str {
            let j = i as isize + k;
            if j < s.start as isize || j >= s.end as isize {
                "_"
            } else {
                &self.short[j as usize]
            }
        };
        let f = FeatureHash::new;
        let w = self.words[i];
        let l = &self.lower[i];
        out.push(f(0).id());
        out.push(f(1).str(w).id());
        out.push(f(2).str(l).id());
        out.push(f(3).str(&self.short[i]).id());
        out.push(f(4).str(&self.shape[i]).id());
        // Prefixes and suffixes of 1 to 4 characters (and a 5-character suffix of longer words).
        let mut ends = l.char_indices().skip(1).map(|(b, _)| b).chain(std::iter::once(l.len()));
        for k in 1..=4u32 {
            match ends.next() {
                Some(end) => out.push(f(5).num(k).str(&l[..end]).id()),
                None => break,
            }
        }
        let mut starts = l.char_indices().rev().map(|(b, _)| b);
        for k in 1..=5u32 {
            match starts.next() {
                Some(start) if k <= 4 => out.push(f(6).num(k).str(&l[start..]).id()),
                Some(start) if start > 0 => out.push(f(40).str(&l[start..]).id()),
                _ => break,
            }
        }
        out.push(f(7).str(lw(-1)).id());
        out.push(f(8).str(lw(1)).id());
        out.push(f(9).str(lw(-2)).id());
        out.push(f(10).str(lw(2)).id());
        out.push(f(11).str(lw(-1)).str(l).id());
        out.push(f(12).str(l).str(lw(1)).id());
        out.push(f(13).str(sh(-1)).id());
        out.push(f(14).str(sh(1)).id());
        out.push(f(15).str(sh(-1)).str(sh(0)).id());
        out.push(f(16).str(sh(0)).str(sh(1)).id());
        out.push(f(17).str(sh(-1)).str(sh(0)).str(sh(1)).id());
        out.push(f(29).str(lw(-1)).str(&self.short[i]).id());
        let raw = |k: isize| -> &str {
            let j = i as isize + k;
            if j < s.start as isize || j >= s.end as isize { "_" } else { self.words[j as usize] }
        };
        out.push(f(38).str(raw(-1)).id());
        out.push(f(39).str(raw(1)).id());

        out.push(f(30).str(&self.short[i]).str(lw(1)).id());
        // Brown clusters
        let clus = |t: u8, j: isize, lens: &[u8], out: &mut Vec<u32>| {
            let j = i as isize + j;
            if j < s.start as isize || j >= s.end as isize {
                return;
            }
            if let Some((bits, len)) = self.cluster[j as usize] {
                for &p in lens {
                    let p = p.min(len);
                    let mask = if p >= 32 { u32::MAX } else { (1u32 << p) - 1 };
                    out.push(f(t).num(p as u32).num(bits & mask).id());
                }
            } else {
                out.push(f(t).str("none").id());
            }
        };
        clus(18, 0, &[4, 6, 10, 20], out);
        clus(19, -1, &[4, 8, 20], out);
        clus(20, 1, &[4, 8, 20], out);
        // Gazetteers
        for (t, k) in [(21u8, 0isize), (22, -1), (23, 1)] {
            let j = i as isize + k;
            if j < s.start as isize || j >= s.end as isize {
                continue;
            }
            let g = self.gaz[j as usize];
            for b in 0..(2 * GAZ_CATEGORIES.len()) as u32 {
                if g & (1 << b) != 0 {
                    out.push(f(t).num(b).id());
                }
            }
        }
        if self.demonym[i] {
            out.push(f(31).id());
        }
        // Position, headlines, token kind
        let first = i == s.start;
        out.push(f(24).num(first as u32).str(&self.short[i]).id());
        if self.caps_sentence[i] {
            out.push(f(25).str(&self.short[i]).id());
            out.push(f(26).str(l).id());
        }
        out.push(f(27).num(self.kind[i] as u32).id());
        // Document-level capitalisation
        if is_cap(w) || self.caps_sentence[i] {
            let fl = self.doc_flags[i];
            out.push(f(28).num(fl as u32).num(first as u32).num(self.caps_sentence[i] as u32).id());
        }
    }
}

/// Labels remembered per word by the prediction history: O, PERSON, PLACE, ORG, MISC.
pub const HISTORY_CLASSES: usize = 5;

/// The ids of the history features, from how often earlier sentences of the document tagged the same word
/// with each class (`counts[0]` O, then PERSON, PLACE, ORG, MISC): one feature per class seen, and one for the
/// most frequent class.
pub fn history_features(counts: &[u16; HISTORY_CLASSES], out: &mut Vec<u32>) {
    let total: u32 = counts.iter().map(|&c| c as u32).sum();
    if total == 0 {
        return;
    }
    let mut best = 0;
    for (c, &n) in counts.iter().enumerate() {
        if n > 0 {
            out.push(FeatureHash::new(32).num(c as u32).id());
        }
        if n > counts[best] {
            best = c;
        }
    }
    out.push(FeatureHash::new(33).num(best as u32).id());
}

/// The history class of a tag (0 for O, 1 + label index otherwise).
pub fn history_class(tag: usize) -> usize {
    if tag == 0 {
        0
    } else {
        1 + (tag - 1) / 2
    }
}
