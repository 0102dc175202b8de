//! Sparse features of each token, hashed to 32-bit ids.
//!
//! One function, [`DocFeatures::token`], serves both training and tagging, so the model sees at run time
//! exactly the features it was trained on. A feature is a template number plus the strings it looks at
//! (`lower[-1]=the`), hashed with [`FeatureHash`]; the model keeps weights only for the ids it found useful.
//!
//! Templates: the word and its lowercase (digits folded to `0`), shapes (`Xxxx`, `X.X.`), prefixes and
//! suffixes, the neighbouring words two either side and the bigrams they make with the word, the shapes of
//! the word and its neighbours as a trigram, the Brown cluster path of the word (at several prefix lengths)
//! and of its neighbours, gazetteer matches (multi-token, with begin/inside)
//! of the word and its neighbours, sentence position, all-capitals sentences (headlines), and two
//! document-level hints: the same word written in lowercase elsewhere in the document, and the same word
//! capitalised in the middle of a sentence elsewhere.
//!
//! A word's own features ([`Lex::word_features`]) are kept apart from its context's
//! ([`DocFeatures::context`]): the tagger caches the summed weights of the former per word, and the context
//! features come in parts it can also sum ahead: those a neighbour's word gives ([`neighbour_features`]),
//! the position feature, the features with few values ([`DocFeatures::small_features`]), and the rest, looked
//! up per token ([`DocFeatures::context_rest`]). (Dropping the
//! neighbours' shapes alone and in bigrams, their raw spellings, two shape-word pairs and two of the three
//! cluster prefix lengths of the neighbours took 12 of 25 context lookups a token away; measured one at a
//! time with the trainer, each moved dev F1 by less than 0.002.)

use super::hash::{str_hash, FeatureHash, FxHashMap, StrHash};
use super::resources::{Resources, GAZ_CATEGORIES, GAZ_MAX_TOKENS, GAZ_PREFIX};
use crate::text::{Document, TokenKind};
use std::ops::Range;

const SEEN_LOWER: u8 = 1;
const SEEN_CAP_MID: u8 = 2;

/// What the features need to know about one word type (a spelling), computed once per word type (the
/// tagger's per-thread [`Lexicon`] keeps it across documents).
pub struct Lex {
    /// Lowercase, digits folded to `0`.
    pub lower: String,
    /// Hashes ([`str_hash`]) of the word as written, of `lower`, of its short shape (`Xx`) and its shape
    /// (`Xxxxx`, at most 8 characters).
    h_raw: u64,
    h_lower: u64,
    h_short: u64,
    h_shape: u64,
    /// Brown cluster path `(bits, length)`.
    cluster: Option<(u32, u8)>,
    /// The gazetteer's entry for the word alone, in lowercase (category mask, maybe with `GAZ_PREFIX`).
    gaz: Option<u16>,
    /// Looks derived from a country's name (`Kazakh`, `Russian`).
    demonym: bool,
    /// The word in lowercase (digits kept), as gazetteer keys are written.
    gaz_lower: Box<str>,
    /// Starts with an uppercase letter.
    cap: bool,
    /// Starts with a lowercase letter.
    low: bool,
    /// More than one character.
    long: bool,
    /// (has a letter, has no lowercase letter): for the all-capitals sentence test.
    caps_word: (bool, bool),
}

/// Word types (spellings) and their [`Lex`], each computed once. The tagger keeps one per thread across
/// documents; the trainer one for the whole corpus.
#[derive(Default)]
pub struct Lexicon {
    index: FxHashMap<Box<str>, u32>,
    lexes: Vec<Lex>,
}

impl Lexicon {
    /// The index of word `w`, computing its facts with `res` the first time.
    pub fn intern(&mut self, w: &str, res: &Resources, buf: &mut String) -> u32 {
        if let Some(&i) = self.index.get(w) {
            return i;
        }
        self.lexes.push(Lex::new(w, res, buf));
        let i = self.lexes.len() as u32 - 1;
        self.index.insert(w.into(), i);
        i
    }

    /// The facts of word type `i`.
    pub fn get(&self, i: u32) -> &Lex {
        &self.lexes[i as usize]
    }

    /// Number of word types.
    pub fn len(&self) -> usize {
        self.lexes.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.lexes.is_empty()
    }

    /// Forgets every word.
    pub fn clear(&mut self) {
        self.index.clear();
        self.lexes.clear();
    }
}

/// Per-token facts of one document, computed once, from which each token's features are read.
pub struct DocFeatures<'l> {
    /// Per token: its word type in `lexicon`.
    ty: Vec<u32>,
    lexicon: &'l Lexicon,
    /// Per token: the facts of its word type the per-token features read.
    facts: Vec<TokenFacts>,
    gaz: Vec<u32>,
    kind: Vec<TokenKind>,
    /// How the word is written elsewhere in the document (`SEEN_LOWER`, `SEEN_CAP_MID`); only for
    /// capitalised words and words of headlines, the only ones whose features read it (0 for others).
    doc_flags: Vec<u8>,
    caps_sentence: Vec<bool>,
    /// Per token of a run of capitalised words (see [`cap_runs`]): its place in the run and the run's length.
    runs: Vec<Option<Run>>,
}

/// What the per-token passes read of a token's word type, copied per token so they read memory in order.
struct TokenFacts {
    h_lower: u64,
    h_short: u64,
    cap: bool,
    long: bool,
    low: bool,
    caps_word: (bool, bool),
    gaz: bool,
}

/// A token's place in its run of capitalised words.
#[derive(Clone, Copy)]
struct Run {
    /// 0 alone, 1 first, 2 inside, 3 last.
    place: u8,
    /// Run length, capped at 4.
    len: u8,
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

/// The hashes of a word's shape (`Xxxxx`: X upper, x lower, d digit, a other letter, other characters as
/// they are; at most `max` characters) and of its short shape (runs collapsed: `Xx`).
fn shape_hashes(w: &str, max: usize) -> (u64, u64) {
    let (mut long, mut short) = (StrHash::new(), StrHash::new());
    let mut last = None;
    for c in w.chars().take(max) {
        let c = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        long.char(c);
        if Some(c) != last {
            short.char(c);
        }
        last = Some(c);
    }
    (long.finish(), short.finish())
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

impl Lex {
    fn new(w: &str, res: &Resources, buf: &mut String) -> Lex {
        let lower = fold(w);
        let (h_shape, h_short) = shape_hashes(w, 8);
        let cluster = res
            .clusters
            .get(w)
            .or_else(|| res.clusters.get(lower.as_str()))
            .copied()
            .or_else(|| {
                // HEADLINE -> Headline
                let mut cs = lower.chars();
                let first = cs.next()?;
                buf.clear();
                buf.extend(first.to_uppercase().chain(cs));
                res.clusters.get(buf.as_str()).copied()
            });
        buf.clear();
        buf.extend(w.chars().flat_map(char::to_lowercase));
        let gaz = res.gazetteer.get(buf.as_str()).copied();
        let gaz_lower: Box<str> = buf.as_str().into();
        let cap = is_cap(w);
        // Capitalised words that look derived from a country's name: Kazakh(stan), Russia(n), Armenia(n),
        // Tajik(istan), Chin(a)(ese).
        let demonym = cap && lower.len() >= 4 && !res.gazetteer.is_empty() && {
            let l = lower.as_str();
            let mut country = |a: &str, b: &str| {
                buf.clear();
                buf.push_str(a);
                buf.push_str(b);
                res.gazetteer.get(buf.as_str()).is_some_and(|m| m & 1 != 0)
            };
            let stem = |suf: &str| l.strip_suffix(suf);
            country(l, "stan")
                || country(l, "istan")
                || stem("n").is_some_and(|s| country(s, ""))
                || stem("ese").is_some_and(|s| country(s, "a") || country(s, ""))
                || stem("ian").is_some_and(|s| country(s, "") || country(s, "ia"))
                || stem("an").is_some_and(|s| country(s, "a") || country(s, ""))
                || stem("ish").is_some_and(|s| country(s, "land") || country(s, "ey"))
                || stem("i").is_some_and(|s| country(s, "") || country(s, "an"))
        };
        Lex {
            h_raw: str_hash(w),
            h_lower: str_hash(&lower),
            h_short,
            h_shape,
            cluster,
            gaz,
            demonym,
            gaz_lower,
            cap,
            low: w.chars().next().is_some_and(|c| c.is_lowercase()),
            long: w.chars().nth(1).is_some(),
            caps_word: (
                w.chars().any(|c| c.is_alphabetic()),
                !w.chars().any(|c| c.is_lowercase()),
            ),
            lower,
        }
    }

    /// Appends the ids of the features that depend on the word alone (not on its neighbours or the
    /// document): the tagger caches their summed weights per word.
    pub fn word_features(&self, out: &mut Vec<u32>) {
        let f = FeatureHash::new;
        let l = &self.lower;
        out.push(f(0).id());
        out.push(f(1).hash(self.h_raw).id());
        out.push(f(2).hash(self.h_lower).id());
        out.push(f(3).hash(self.h_short).id());
        out.push(f(4).hash(self.h_shape).id());
        // Prefixes and suffixes of 1 to 4 characters (and a 5-character suffix of longer words).
        let mut ends = l
            .char_indices()
            .skip(1)
            .map(|(b, _)| b)
            .chain(std::iter::once(l.len()));
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
        cluster_features(18, self.cluster, &[4, 6, 10, 20], out);
        if self.demonym {
            out.push(f(31).id());
        }
    }
}

/// A neighbour's place relative to the token whose context features it feeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Neighbour {
    /// Two tokens before.
    Prev2,
    /// The token before.
    Prev1,
    /// The token after.
    Next1,
    /// Two tokens after.
    Next2,
}

impl Neighbour {
    /// The four places, in the order of their index ([`Neighbour::index`]).
    pub const ALL: [Neighbour; 4] = [
        Neighbour::Prev2,
        Neighbour::Prev1,
        Neighbour::Next1,
        Neighbour::Next2,
    ];

    /// 0 to 3, in the order of [`Neighbour::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The neighbour's token index for token `i`, or `None` outside segment `s`.
    #[inline]
    pub fn of(self, i: usize, s: &Range<usize>) -> Option<usize> {
        let j = match self {
            Neighbour::Prev2 => i.wrapping_sub(2),
            Neighbour::Prev1 => i.wrapping_sub(1),
            Neighbour::Next1 => i + 1,
            Neighbour::Next2 => i + 2,
        };
        s.contains(&j).then_some(j)
    }
}

/// Appends the ids of the context features a token gets from the word `y` at place `at` (`None`: beyond the
/// segment): its lowercase form, and the cluster of the words next to it. They depend on that word alone, so
/// the tagger sums their weights once per word type and place. [`DocFeatures::context`] is exactly these
/// for the four places, [`Lex::position_feature`] and [`DocFeatures::context_rest`] (a test checks it).
pub fn neighbour_features(y: Option<&Lex>, at: Neighbour, out: &mut Vec<u32>) {
    let f = FeatureHash::new;
    match at {
        Neighbour::Prev2 => out.push(f(9).hash(y.map_or(SENTENCE_START, |y| y.h_lower)).id()),
        Neighbour::Next2 => out.push(f(10).hash(y.map_or(SENTENCE_END, |y| y.h_lower)).id()),
        Neighbour::Prev1 => {
            out.push(f(7).hash(y.map_or(SENTENCE_START, |y| y.h_lower)).id());
            if let Some(y) = y {
                cluster_features(19, y.cluster, &[20], out);
            }
        }
        Neighbour::Next1 => {
            out.push(f(8).hash(y.map_or(SENTENCE_END, |y| y.h_lower)).id());
            if let Some(y) = y {
                cluster_features(20, y.cluster, &[20], out);
            }
        }
    }
}

impl Lex {
    /// The id of the feature pairing the word's short shape with whether it starts its segment.
    pub fn position_feature(&self, first: bool) -> u32 {
        FeatureHash::new(24)
            .num(first as u32)
            .hash(self.h_short)
            .id()
    }
}

/// Cluster path features of template `t` at several prefix lengths, or one "no cluster" feature.
fn cluster_features(t: u8, cluster: Option<(u32, u8)>, lens: &[u8], out: &mut Vec<u32>) {
    let f = FeatureHash::new;
    if let Some((bits, len)) = cluster {
        for &p in lens {
            let p = p.min(len);
            let mask = if p >= 32 { u32::MAX } else { (1u32 << p) - 1 };
            out.push(f(t).num(p as u32).num(bits & mask).id());
        }
    } else {
        out.push(f(t).str("none").id());
    }
}

/// The word types of `doc`'s tokens in `lexicon`, interning new ones.
pub fn intern_tokens(doc: &Document<'_>, lexicon: &mut Lexicon, res: &Resources) -> Vec<u32> {
    let mut buf = String::new();
    doc.tokens
        .iter()
        .map(|t| lexicon.intern(t.text(doc.text), res, &mut buf))
        .collect()
}

impl<'l> DocFeatures<'l> {
    /// Computes the per-token facts of `doc`, whose tokens have word types `ty` in `lexicon`
    /// ([`intern_tokens`]).
    #[allow(clippy::needless_range_loop)]
    pub fn new(
        doc: &Document<'_>,
        lexicon: &'l Lexicon,
        ty: Vec<u32>,
        res: &Resources,
    ) -> DocFeatures<'l> {
        let n = doc.tokens.len();
        assert_eq!(ty.len(), n, "one word type per token");
        let lex = |i: usize| lexicon.get(ty[i]);
        // The facts the passes below read, copied from each token's word type in one pass: the passes then
        // read memory in order instead of each word's facts again (a word type's facts are about 120 bytes,
        // scattered over the lexicon).
        let facts: Vec<TokenFacts> = (0..n)
            .map(|i| {
                let x = lex(i);
                TokenFacts {
                    h_lower: x.h_lower,
                    h_short: x.h_short,
                    cap: x.cap,
                    long: x.long,
                    low: x.low,
                    caps_word: x.caps_word,
                    gaz: x.gaz.is_some(),
                }
            })
            .collect();
        // Gazetteer: longest match from each start; bits 2*cat (begin) and 2*cat+1 (inside).
        let mut gaz = vec![0u32; n];
        if !res.gazetteer.is_empty() {
            let mut key = String::new();
            for i in 0..n {
                if !facts[i].gaz {
                    continue;
                }
                // The word alone comes from its type; longer phrases are looked up only after a prefix.
                let Some(m) = lex(i).gaz else { continue };
                let mut best = (m & !GAZ_PREFIX != 0).then_some((i, m & !GAZ_PREFIX));
                if m & GAZ_PREFIX != 0 {
                    key.clear();
                    key.push_str(&lex(i).gaz_lower);
                    for j in i + 1..n.min(i + GAZ_MAX_TOKENS) {
                        key.push(' ');
                        key.push_str(&lex(j).gaz_lower);
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
        let kind = doc.tokens.iter().map(|t| t.kind).collect();
        // Sentences mostly in capitals (headlines).
        let mut caps_sentence = vec![false; n];
        for s in &doc.sentences {
            let (mut letters, mut caps) = (0, 0);
            for f in &facts[s.clone()] {
                let (letter, no_lower) = f.caps_word;
                if letter {
                    letters += 1;
                    if no_lower {
                        caps += 1;
                    }
                }
            }
            let flag = letters >= 2 && caps * 10 >= letters * 7;
            caps_sentence[s.clone()].iter_mut().for_each(|c| *c = flag);
        }
        // How the same word is written elsewhere in the document.
        // Keyed by the 64-bit hash of the lowercase word (already computed per word type; two different words
        // of one document sharing it is a chance of about 1e-12 even for a very long document).
        let mut seen: FxHashMap<u64, u8> =
            FxHashMap::with_capacity_and_hasher(n / 2, Default::default());
        for s in &doc.sentences {
            for i in s.clone() {
                if doc.tokens[i].kind != TokenKind::Word || caps_sentence[i] {
                    continue;
                }
                let x = &facts[i];
                let flag = if x.low {
                    SEEN_LOWER
                } else if i > s.start && x.cap {
                    SEEN_CAP_MID
                } else {
                    continue;
                };
                *seen.entry(x.h_lower).or_insert(0) |= flag;
            }
        }
        // Read only for capitalised words and words of headlines (the document-level capitalisation feature).
        let doc_flags = (0..n)
            .map(|i| {
                let x = &facts[i];
                if x.cap || caps_sentence[i] {
                    seen.get(&x.h_lower).copied().unwrap_or(0)
                } else {
                    0
                }
            })
            .collect();
        let runs = cap_runs(doc, &|i| facts[i].cap, &lex, &caps_sentence);
        DocFeatures {
            ty,
            lexicon,
            facts,
            gaz,
            kind,
            doc_flags,
            caps_sentence,
            runs,
        }
    }

    /// Per token, its word type in the lexicon.
    pub fn types(&self) -> &[u32] {
        &self.ty
    }

    fn lex(&self, i: usize) -> &'l Lex {
        self.lexicon.get(self.ty[i])
    }

    /// The key under which token `i`'s predicted labels are remembered for later sentences of the document
    /// (the prediction history): capitalised words and words of all-capitals sentences, by the hash of their
    /// lowercase form.
    pub fn history_key(&self, i: usize) -> Option<u64> {
        let x = &self.facts[i];
        (self.kind[i] == TokenKind::Word && (x.cap || self.caps_sentence[i]) && x.long)
            .then_some(x.h_lower)
    }

    /// Appends the feature ids of token `i` of sentence `s` (a token range) to `out`: its word's
    /// ([`Lex::word_features`]) and its context's ([`DocFeatures::context`]).
    pub fn token(&self, i: usize, s: &Range<usize>, out: &mut Vec<u32>) {
        self.lex(i).word_features(out);
        self.context(i, s, out);
    }

    /// Appends the ids of the features of token `i` of sentence `s` that depend on its neighbours or the
    /// document.
    pub fn context(&self, i: usize, s: &Range<usize>, out: &mut Vec<u32>) {
        let at = |j: usize| (s.contains(&j)).then(|| self.lex(j));
        let (p2, p1, x, n1, n2) = (
            at(i.wrapping_sub(2)),
            at(i.wrapping_sub(1)),
            self.lex(i),
            at(i + 1),
            at(i + 2),
        );
        let lw = |y: Option<&Lex>, sentinel: u64| y.map_or(sentinel, |y| y.h_lower);
        let sh = |y: Option<&Lex>| y.map_or(NO_NEIGHBOUR, |y| y.h_short);
        let f = FeatureHash::new;
        let l = x.h_lower;
        let (lp1, ln1) = (lw(p1, SENTENCE_START), lw(n1, SENTENCE_END));
        let (sp1, s0, sn1) = (sh(p1), x.h_short, sh(n1));
        out.push(f(7).hash(lp1).id());
        out.push(f(8).hash(ln1).id());
        out.push(f(9).hash(lw(p2, SENTENCE_START)).id());
        out.push(f(10).hash(lw(n2, SENTENCE_END)).id());
        out.push(f(11).hash(lp1).hash(l).id());
        out.push(f(12).hash(l).hash(ln1).id());
        out.push(f(17).hash(sp1).hash(s0).hash(sn1).id());
        // Brown clusters of the neighbours
        if let Some(p) = p1 {
            cluster_features(19, p.cluster, &[20], out);
        }
        if let Some(n) = n1 {
            cluster_features(20, n.cluster, &[20], out);
        }
        // Gazetteers
        for (t, j) in [(21u8, i), (22, i.wrapping_sub(1)), (23, i + 1)] {
            if !s.contains(&j) || self.gaz[j] == 0 {
                continue;
            }
            let g = self.gaz[j];
            for b in 0..(2 * GAZ_CATEGORIES.len()) as u32 {
                if g & (1 << b) != 0 {
                    out.push(f(t).num(b).id());
                }
            }
        }
        // Position, headlines, token kind
        let first = i == s.start;
        out.push(f(24).num(first as u32).hash(x.h_short).id());
        if self.caps_sentence[i] {
            out.push(f(25).hash(x.h_short).id());
            out.push(f(26).hash(l).id());
        }
        out.push(f(27).num(self.kind[i] as u32).id());
        // Document-level capitalisation
        if x.cap || self.caps_sentence[i] {
            let fl = self.doc_flags[i];
            out.push(
                f(28)
                    .num(fl as u32)
                    .num(first as u32)
                    .num(self.caps_sentence[i] as u32)
                    .id(),
            );
        }
        if let Some(r) = self.runs[i] {
            out.push(f(41).num(r.place as u32).num(r.len as u32).id());
        }
    }
}

impl DocFeatures<'_> {
    /// Appends the ids of the context features of token `i` of segment `s` other than its neighbours' own
    /// ([`neighbour_features`]), its position feature ([`Lex::position_feature`]) and the features with few
    /// values ([`DocFeatures::small_features`]): the word pairs, the shape trigram, and the word and shape of
    /// a word in a headline.
    pub fn context_rest(&self, i: usize, s: &Range<usize>, out: &mut Vec<u32>) {
        let at = |j: usize| (s.contains(&j)).then(|| &self.facts[j]);
        let (p1, x, n1) = (at(i.wrapping_sub(1)), &self.facts[i], at(i + 1));
        let lw = |y: Option<&TokenFacts>, sentinel: u64| y.map_or(sentinel, |y| y.h_lower);
        let sh = |y: Option<&TokenFacts>| y.map_or(NO_NEIGHBOUR, |y| y.h_short);
        let f = FeatureHash::new;
        let l = x.h_lower;
        let (lp1, ln1) = (lw(p1, SENTENCE_START), lw(n1, SENTENCE_END));
        out.push(f(11).hash(lp1).hash(l).id());
        out.push(f(12).hash(l).hash(ln1).id());
        out.push(f(17).hash(sh(p1)).hash(x.h_short).hash(sh(n1)).id());
        if self.caps_sentence[i] {
            out.push(f(25).hash(x.h_short).id());
            out.push(f(26).hash(l).id());
        }
    }

    /// Calls `add` with the number ([`small_feature_id`]) of each context feature of token `i` of segment
    /// `s` that has few possible values: the token kind, the document-level capitalisation, the place in a
    /// run of capitalised words and the gazetteer matches of the token and the words next to it.
    #[inline]
    pub fn small_features(&self, i: usize, s: &Range<usize>, mut add: impl FnMut(usize)) {
        add(self.kind[i] as usize);
        let caps = self.caps_sentence[i];
        if caps || self.facts[i].cap {
            let fl = self.doc_flags[i] as usize;
            add(SMALL_DOC + fl * 4 + usize::from(i == s.start) * 2 + usize::from(caps));
        }
        if let Some(r) = self.runs[i] {
            add(SMALL_RUN + r.place as usize * 4 + r.len as usize - 1);
        }
        for (t, j) in [i, i.wrapping_sub(1), i + 1].into_iter().enumerate() {
            if !s.contains(&j) || self.gaz[j] == 0 {
                continue;
            }
            let g = self.gaz[j];
            for b in 0..GAZ_BITS {
                if g & (1 << b) != 0 {
                    add(SMALL_GAZ + t * GAZ_BITS + b);
                }
            }
        }
    }
}

/// Gazetteer bits of a token: begin and inside, per category.
const GAZ_BITS: usize = 2 * GAZ_CATEGORIES.len();
/// Where each kind of small feature starts in their numbering (the four token kinds come first).
const SMALL_DOC: usize = 4;
const SMALL_RUN: usize = SMALL_DOC + 16;
const SMALL_GAZ: usize = SMALL_RUN + 16;
/// How many features [`DocFeatures::small_features`] numbers.
pub const SMALL_FEATURES: usize = SMALL_GAZ + 3 * GAZ_BITS;

/// The feature id of small feature `k` (`k < SMALL_FEATURES`), as [`DocFeatures::context`] writes it.
pub fn small_feature_id(k: usize) -> u32 {
    let f = FeatureHash::new;
    let num = |x: usize| x as u32;
    if k < SMALL_DOC {
        f(27).num(num(k)).id()
    } else if k < SMALL_RUN {
        let v = k - SMALL_DOC;
        f(28)
            .num(num(v / 4))
            .num(num(v / 2 % 2))
            .num(num(v % 2))
            .id()
    } else if k < SMALL_GAZ {
        let v = k - SMALL_RUN;
        f(41).num(num(v / 4)).num(num(v % 4 + 1)).id()
    } else {
        let v = k - SMALL_GAZ;
        f(21 + (v / GAZ_BITS) as u8).num(num(v % GAZ_BITS)).id()
    }
}

/// Runs of capitalised words within each sentence (outside all-capitals sentences), where `of`, `and`, `&`,
/// `de`, `for` and `the` may join two capitalised words: each run token's place in the run (alone, first,
/// inside, last) and the run's length, a view of the whole candidate span that a first-order tagger looking
/// two words either side does not otherwise have (`Bank of New York Mellon`). Measured over three seeds:
/// OntoNotes dev names +0.002, CoNLL dev +0.0005; the words just before and after the run as further
/// features did not help.
fn cap_runs<'l>(
    doc: &Document<'_>,
    cap: &impl Fn(usize) -> bool,
    lex: &impl Fn(usize) -> &'l Lex,
    caps_sentence: &[bool],
) -> Vec<Option<Run>> {
    const JOINERS: [&str; 6] = ["of", "and", "&", "de", "for", "the"];
    let n = doc.tokens.len();
    let mut runs = vec![None; n];
    for s in &doc.sentences {
        let in_run =
            |i: usize| doc.tokens[i].kind == TokenKind::Word && cap(i) && !caps_sentence[i];
        let mut i = s.start;
        while i < s.end {
            if !in_run(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < s.end {
                if in_run(j) {
                    j += 1;
                } else if j + 1 < s.end && in_run(j + 1) && JOINERS.contains(&lex(j).lower.as_str())
                {
                    j += 2;
                } else {
                    break;
                }
            }
            let len = (j - i).min(4) as u8;
            let n = j - i;
            for (k, r) in runs[i..j].iter_mut().enumerate() {
                let place = if n == 1 {
                    0
                } else if k == 0 {
                    1
                } else if k + 1 == n {
                    3
                } else {
                    2
                };
                *r = Some(Run { place, len });
            }
            i = j;
        }
    }
    runs
}

/// The hashes standing for "before the sentence" and "after the sentence" (lowercase word features) and for
/// "no neighbour" (shape features).
const SENTENCE_START: u64 = str_hash("<S>");
const SENTENCE_END: u64 = str_hash("</S>");
const NO_NEIGHBOUR: u64 = str_hash("_");

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

#[cfg(test)]
mod tests {
    use super::*;

    /// The tagger sums a token's context features in parts ([`neighbour_features`] per word type,
    /// [`Lex::position_feature`], [`DocFeatures::context_rest`]); together they must be exactly the
    /// features [`DocFeatures::context`] lists for training.
    #[test]
    fn small_features_are_numbered_one_to_one() {
        assert_eq!(
            TokenKind::Punct as usize,
            SMALL_DOC - 1,
            "one number per token kind"
        );
        let mut ids: Vec<u32> = (0..SMALL_FEATURES).map(small_feature_id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), SMALL_FEATURES);
    }

    #[test]
    fn context_parts_are_the_context_features() {
        let Ok(model) = crate::names::model() else {
            return;
        };
        let text = "THE WORLD AT A GLANCE\n\nAngela Merkel met the chief executive of Siemens in Paris on Tuesday. \
            The Bank of New York Mellon's shares rose 3%. U.S. Open: she won. \"Hello,\" said John-Paul \
            O'Neill of the United Nations. the bank of america ; Kazakh troops. A";
        let doc = Document::new(text);
        let mut lexicon = Lexicon::default();
        let ty = intern_tokens(&doc, &mut lexicon, &model.resources);
        let df = DocFeatures::new(&doc, &lexicon, ty, &model.resources);
        let mut segments = doc.sentences.clone();
        segments.push(0..doc.tokens.len());
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for s in &segments {
            for i in s.clone() {
                a.clear();
                b.clear();
                df.context(i, s, &mut a);
                for at in Neighbour::ALL {
                    neighbour_features(at.of(i, s).map(|j| df.lex(j)), at, &mut b);
                }
                b.push(df.lex(i).position_feature(i == s.start));
                df.context_rest(i, s, &mut b);
                df.small_features(i, s, |k| b.push(small_feature_id(k)));
                a.sort_unstable();
                b.sort_unstable();
                assert_eq!(a, b, "token {i} ({:?}) of {s:?}", doc.token_text(i));
            }
        }
    }
}
