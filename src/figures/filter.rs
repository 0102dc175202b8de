//! The learned filter: a logistic regression over the context of each figure the rules read, deciding
//! keep or drop; its probability becomes the entity's `score`.
//!
//! # Why
//!
//! The rules read figures well, but OntoNotes tags some phrases only part of the time (`one` is a cardinal in
//! about 38% of its occurrences, `first` an ordinal in 55%, bare `morning` a TIME in about 20%). Which
//! occurrences count depends on the words around them (`one of the`, `the first time`, `in the morning`),
//! which a linear model over hashed context features learns from OntoNotes train in a few seconds.
//!
//! # Format (`model/figures.bin`, little endian)
//!
//! `b"FIGF"`, version `u32` (4), hash bits `u32`, threshold `f32`, scale `f32`, anchor floor `f32`, [`SLOTS`]
//! thresholds `f32` (indexed by [`slot`]: the label's discriminant and the kind of candidate), then `2^bits`
//! weights as `i8` (weight = i8 * scale). The bias is bucket 0. Features are hashed with FNV-1a.

use super::extra::Candidate;
use crate::text::Document;
use crate::{Entity, Label};
use std::sync::OnceLock;

/// The file's magic bytes.
pub const MAGIC: &[u8; 4] = b"FIGF";
/// The format version this code reads and writes.
pub const VERSION: u32 = 4;
/// The number of thresholds: 16 labels times 4 kinds of candidate (see [`slot`]).
pub const SLOTS: usize = 64;
/// The length of the header before the weights.
pub const HEADER: usize = 24 + 4 * SLOTS;

/// A trained filter.
#[derive(Clone, Debug)]
pub struct Model {
    /// log2 of the number of weights
    pub bits: u32,
    /// keep a candidate when its probability is at least this
    pub threshold: f32,
    /// the threshold per label and kind of candidate (indexed by [`slot`]), tuned after the global one
    pub per_label: [f32; SLOTS],
    /// below this probability an anchor the model judges is no longer kept for being one (see [`floor_anchors`]);
    /// tuned on dev after the thresholds
    pub floor: f32,
    /// the weights, indexed by feature hash
    pub weights: Vec<f32>,
}

impl Model {
    /// An untrained model (all weights zero: every probability 0.5).
    pub fn zeros(bits: u32) -> Model {
        Model {
            bits,
            threshold: 0.5,
            per_label: [0.5; SLOTS],
            floor: 0.0,
            weights: vec![0.0; 1 << bits],
        }
    }

    /// Reads the format above; `None` when the bytes are not a model of this version.
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        if b.len() < HEADER || &b[..4] != MAGIC {
            return None;
        }
        let u = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        if u(4) != VERSION {
            return None;
        }
        let bits = u(8);
        if !(4..=20).contains(&bits) {
            return None;
        }
        let threshold = f32::from_bits(u(12));
        let scale = f32::from_bits(u(16));
        let floor = f32::from_bits(u(20));
        let n = 1usize << bits;
        let mut per_label = [0f32; SLOTS];
        for (k, t) in per_label.iter_mut().enumerate() {
            *t = f32::from_bits(u(24 + 4 * k));
        }
        let body = b.get(HEADER..HEADER + n)?;
        let weights = body.iter().map(|&c| c as i8 as f32 * scale).collect();
        Some(Model {
            bits,
            threshold,
            per_label,
            floor,
            weights,
        })
    }

    /// Writes the format above (weights quantised to i8).
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        let mut out = Vec::with_capacity(HEADER + self.weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.threshold.to_bits().to_le_bytes());
        out.extend_from_slice(&scale.to_bits().to_le_bytes());
        out.extend_from_slice(&self.floor.to_bits().to_le_bytes());
        for t in &self.per_label {
            out.extend_from_slice(&t.to_bits().to_le_bytes());
        }
        for w in &self.weights {
            out.push((w / scale).round().clamp(-127.0, 127.0) as i8 as u8);
        }
        out
    }

    /// The probability that a candidate with these features is a gold figure.
    pub fn prob(&self, feats: &[u32]) -> f32 {
        let z: f32 = feats.iter().map(|&f| self.weights[f as usize]).sum();
        1.0 / (1.0 + (-z).exp())
    }
}

/// The shipped model, embedded in the binary.
pub fn shipped() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::from_bytes(include_bytes!("../../model/figures.bin"))
            .unwrap_or_else(|| Model::zeros(4))
    })
}

/// Keeps the candidates the model accepts, with its probability as their score. Candidates come sorted by
/// start and may overlap; the result is sorted and disjoint (see [`select`]).
pub fn apply(model: &Model, doc: &Document<'_>, cands: Vec<Candidate>) -> Vec<Entity> {
    let mut feats = Vec::with_capacity(48);
    let ctx = contexts(doc, &cands);
    let mut spans = Vec::with_capacity(cands.len());
    let mut probs = Vec::with_capacity(cands.len());
    let mut floorable = Vec::with_capacity(cands.len());
    for (c, ctx) in cands.iter().zip(&ctx) {
        features(doc, c, ctx, model.bits, &mut feats);
        let p = model.prob(&feats);
        let (slot, judged) = (slot(c), judged(c));
        let t = model.per_label[slot];
        let p = if judged { p } else { p.max(t) };
        spans.push((c.entity.start, c.entity.end, rank(p, t)));
        probs.push(p);
        floorable.push(judged && floored(slot));
    }
    let flags: Vec<u8> = cands.iter().map(flags).collect();
    let anchors = floor_anchors(&flags, &floorable, &probs, model.floor);
    demote_parts(&mut spans, &probs, &anchors);
    let keep = decide(&spans, &anchors);
    let mut out = Vec::with_capacity(keep.len());
    let mut k = 0;
    for (i, c) in cands.into_iter().enumerate() {
        if keep.get(k) == Some(&i) {
            let mut e = c.entity;
            e.score = (probs[i] * 1000.0).round() / 1000.0;
            out.push(e);
            k += 1;
        }
    }
    out
}

/// What [`decide`] ranks a candidate by (it keeps ranks ≥ 0, the highest first among overlapping ones), from
/// its probability `p` and its slot's threshold `t`: the probability itself at or above the threshold, else the
/// probability minus one (negative, still ordered by probability when an anchor's candidates are all below
/// their thresholds: `the 15-minute` had won over `15-minute` on margins). Thresholds are tuned per slot, so
/// margins over them do not compare across slots (`12-15 percent` had lost to `15 percent` on margins).
pub fn rank(p: f32, t: f32) -> f32 {
    if p >= t {
        p
    } else {
        p - 1.0
    }
}

/// The threshold slot of a candidate: its label, and whether it is a clear rule reading (kept unless an
/// overlapping candidate wins), an ambiguous single word of the rules, a vague phrase, or another boundary
/// (holidays too: they are not judged, their threshold only floors their probability).
pub fn slot(c: &Candidate) -> usize {
    use super::extra::Origin;
    let kind = match c.origin {
        Origin::Rule if judged(c) => 1,
        Origin::Rule => 0,
        Origin::Phrase => 2,
        _ => 3,
    };
    (c.entity.label as usize & 15) + 16 * kind
}

/// Whether the model may drop a candidate: all but holidays, the rules' vague family (`annual`, `hundreds`,
/// `the weekend`) and number words joined by hyphens (`twenty-first`), which are kept unless an overlapping
/// candidate wins. (Until version 3 the model could drop only the extras and single words without digits;
/// letting it judge the rest, with thresholds per kind of candidate, gains about 0.003 typed F1 on dev.)
pub fn judged(c: &Candidate) -> bool {
    let e = &c.entity;
    let hyphenated_words = e.text.contains('-') && !e.text.contains(|ch: char| ch.is_ascii_digit());
    match c.origin {
        super::extra::Origin::Holiday => false,
        super::extra::Origin::Rule => family(e.score) != 75 && !hyphenated_words,
        _ => true,
    }
}

/// A holiday, or a clear rule reading: with digits or of several words (`1953 to 1955`, `8 1/2 %`, `a
/// million`), or of the vague family (`annual`). Some candidate over it is always kept (see [`decide`]); the
/// model only chooses its boundaries.
pub fn anchor(c: &Candidate) -> bool {
    c.origin == super::extra::Origin::Holiday
        || c.origin == super::extra::Origin::Rule
            && (family(c.entity.score) == 75
                || c.entity
                    .text
                    .contains(|ch: char| ch.is_ascii_digit() || ch == ' ' || ch == '-'))
}

/// The flags [`decide`] reads: 1 for an [`anchor`], 2 for a candidate with digits.
pub fn flags(c: &Candidate) -> u8 {
    anchor(c) as u8
        | (c.entity.text.contains(|ch: char| ch.is_ascii_digit()) as u8) << 1
        | ((c.origin == super::extra::Origin::Part) as u8) << 2
        | (range_like(&c.entity.text) as u8) << 3
}

/// The flags [`decide`] reads, with the anchor bit cleared where a `floorable` candidate (judged by the
/// model, of a [`floored`] slot) has a probability below `floor`: an anchor is kept whatever the model says,
/// but not when the model all but rules it out (`900 service`, `7777` as a section break, `protein-1`). The
/// floor is tuned on dev like the thresholds.
pub fn floor_anchors(flags: &[u8], floorable: &[bool], probs: &[f32], floor: f32) -> Vec<u8> {
    flags
        .iter()
        .zip(floorable)
        .zip(probs)
        .map(|((&f, &fl), &p)| if fl && p < floor { f & !1 } else { f })
        .collect()
}

/// Whether the anchors' floor applies to candidates of this [`slot`]: bare counts only (NUMBER), where a
/// reading the model all but rules out is mostly a code (`900 service`, `protein-1`); a DATE or a TIME it
/// doubts (`this year`, `1630 GMT`) is still a date or a time to a reader, whatever OntoNotes did there.
pub fn floored(slot: usize) -> bool {
    slot & 15 == Label::Number as usize
}

/// Whether a reading may be a range or a list, which OntoNotes often splits (`8 1/2 % to 8 3/8 %`).
fn range_like(text: &str) -> bool {
    text.contains(['-', '–', '/'])
        || text
            .split(' ')
            .any(|w| matches!(w, "to" | "and" | "or" | "through"))
}

/// A part of a rule's reading (`flags & 4`: `2,000` of `₦2,000`, `9 inches` of `5 feet 9 inches`) is not kept
/// over an [`anchor`] that holds it and is no range (`flags & 8`: OntoNotes splits `8 1/2 % to 8 3/8 %`):
/// per-slot thresholds are tuned on few parts, and one just over a low threshold beat the whole reading just
/// under its own. (Until now only a more probable anchor won; dev scores the same either way, and a part whose
/// probability edged past the whole's had split `5 feet 9 inches`.) Lowers such a part's rank below -1, under
/// every candidate that is only below its threshold, so that [`decide`] falls back on the whole reading
/// first (spans sorted by start).
pub fn demote_parts(spans: &mut [(usize, usize, f32)], probs: &[f32], flags: &[u8]) {
    for i in 0..spans.len() {
        if flags[i] & 4 == 0 || spans[i].2 < 0.0 {
            continue;
        }
        let (s, e) = (spans[i].0, spans[i].1);
        let lo = i.saturating_sub(16);
        let beaten = (lo..spans.len())
            .take_while(|&j| spans[j].0 < e)
            .any(|j| j != i && flags[j] & 9 == 1 && spans[j].0 <= s && e <= spans[j].1);
        if beaten {
            spans[i].2 = probs[i] - 2.0;
        }
    }
}

/// [`select`] at threshold 0 over the ranks, then for each anchor (`anchors[i] & 1`, see [`flags`]) that no
/// kept candidate overlaps, the overlapping candidate with the largest rank that fits between the kept
/// ones, and after it any that still fit and have digits (`anchors[i] & 2`). Returns indices in
/// increasing order, of disjoint candidates.
pub fn decide(spans: &[(usize, usize, f32)], anchors: &[u8]) -> Vec<usize> {
    let mut keep = select(spans, 0.0);
    // no kept candidate overlaps candidate j (kept ones are disjoint and sorted by start)
    let free = |j: usize, keep: &[usize]| {
        let (s, e) = (spans[j].0, spans[j].1);
        let at = keep.partition_point(|&k| spans[k].0 < s);
        let before_ok = at == 0 || spans[keep[at - 1]].1 <= s;
        before_ok && keep.get(at).map_or(true, |&k| spans[k].0 >= e)
    };
    for i in (0..spans.len()).filter(|&i| anchors[i] & 1 == 1) {
        let (s, e) = (spans[i].0, spans[i].1);
        // when nothing over the anchor is kept, the best candidate over it; then any further ones with
        // digits that still fit (the other part of a range: `8 1/2 %` and `8 3/8 %`)
        let mut first = free(i, &keep);
        loop {
            let mut best: Option<usize> = None;
            for j in i.saturating_sub(16)..spans.len() {
                if spans[j].0 >= e {
                    break;
                }
                if spans[j].1 > s
                    && (first || anchors[j] & 2 == 2)
                    && free(j, &keep)
                    && best.map_or(true, |b| spans[j].2 > spans[b].2)
                {
                    best = Some(j);
                }
            }
            let Some(j) = best else { break };
            let at = keep.partition_point(|&k| k < j);
            keep.insert(at, j);
            first = false;
        }
    }
    keep
}

/// Which of the candidates `(start, end, probability)`, sorted by start, to keep: those with probability at
/// least `threshold`, and within each run of overlapping ones the most probable first. Returns indices in
/// increasing order, of disjoint candidates.
pub fn select(spans: &[(usize, usize, f32)], threshold: f32) -> Vec<usize> {
    let mut out = Vec::new();
    let mut cluster: Vec<usize> = Vec::new();
    let mut cluster_end = 0usize;
    let flush = |cluster: &mut Vec<usize>, out: &mut Vec<usize>| {
        if cluster.len() > 1 {
            cluster.sort_by(|&a, &b| spans[b].2.total_cmp(&spans[a].2));
        }
        let from = out.len();
        for i in cluster.drain(..) {
            let (s, e, _) = spans[i];
            if out[from..]
                .iter()
                .all(|&k| spans[k].1 <= s || e <= spans[k].0)
            {
                out.push(i);
            }
        }
        out[from..].sort_unstable();
    };
    for (i, &(s, e, p)) in spans.iter().enumerate() {
        if p < threshold {
            continue;
        }
        if !cluster.is_empty() && s >= cluster_end {
            flush(&mut cluster, &mut out);
        }
        cluster_end = if cluster.is_empty() {
            e
        } else {
            cluster_end.max(e)
        };
        cluster.push(i);
    }
    flush(&mut cluster, &mut out);
    out
}

struct Hasher {
    mask: u32,
}

impl Hasher {
    fn h(&self, kind: u8, label: u8, parts: &[&[u8]]) -> u32 {
        let mut h: u32 = 0x811c_9dc5;
        let mut eat = |b: u8| {
            h ^= b as u32;
            h = h.wrapping_mul(0x0100_0193);
        };
        eat(kind);
        eat(label);
        for p in parts {
            // ASCII lowercase, and `’` as `'` (OntoNotes has only the straight apostrophe: `year’s`)
            let mut k = 0;
            while k < p.len() {
                if p[k..].starts_with("’".as_bytes()) {
                    eat(b'\'');
                    k += 3;
                } else {
                    eat(p[k].to_ascii_lowercase());
                    k += 1;
                }
            }
            eat(0xff);
        }
        // bucket 0 is the bias
        (h & self.mask).max(1)
    }
}

fn label_id(l: Label) -> u8 {
    l as u8
}

/// The rule family, read from the fixed score the rules gave (see `rules::score`).
fn family(score: f32) -> u8 {
    (score * 100.0).round() as u8
}

fn shape(w: &[u8]) -> [u8; 4] {
    // first char class, has digit, has comma/dot, length bucket
    let cls = |c: u8| {
        if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii_uppercase() {
            b'X'
        } else if c.is_ascii_lowercase() {
            b'x'
        } else {
            b'.'
        }
    };
    [
        w.first().map_or(b'_', |&c| cls(c)),
        if w.iter().any(u8::is_ascii_digit) {
            b'1'
        } else {
            b'0'
        },
        if w.iter().any(|c| matches!(c, b',' | b'.')) {
            b'p'
        } else {
            b'n'
        },
        b'0' + w.len().min(6) as u8,
    ]
}

/// What the filter sees beyond a candidate's own words and their neighbours: how the document is written.
/// (Features of the overlapping candidates, such as the label of the rule reading a candidate lies inside,
/// were tried and gained nothing.)
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    /// [`doc_style`]
    pub style: u8,
}

/// The [`Context`] of each candidate (sorted by start, as [`super::candidates`] returns them).
pub fn contexts(doc: &Document<'_>, cands: &[Candidate]) -> Vec<Context> {
    vec![
        Context {
            style: doc_style(doc)
        };
        cands.len()
    ]
}

/// How the document is written, as a few bits the filter conjoins with its other features (OntoNotes
/// annotators followed slightly different conventions in transcribed speech, in treebank-spaced newswire
/// and in translated news and web text): 1 when it has fillers of speech (`uh`, `um`), 2 when a `%` stands
/// apart from its number, 4 when it has double quotes as people type them (`"`, `“`, `”`; OntoNotes has
/// the straight one in translated news and web text, and writes the Wall Street Journal's as `` `` ``): in
/// OntoNotes train, for instance, `annual` is a DATE in 180 of 199 occurrences in documents with `` `` ``,
/// in none of 64 in documents with `"`. One pass over the tokens.
pub fn doc_style(doc: &Document<'_>) -> u8 {
    let mut style = 0u8;
    for (i, t) in doc.tokens.iter().enumerate() {
        let w = t.text(doc.text);
        if w.len() == 2 && (w.eq_ignore_ascii_case("uh") || w.eq_ignore_ascii_case("um")) {
            style |= 1;
        } else if w == "%" && i > 0 && t.space_before {
            style |= 2;
        } else if matches!(w, "\"" | "“" | "”") {
            style |= 4;
        }
        if style == 7 {
            break;
        }
    }
    style
}

/// A currency mark other than the dollar's is seen as `$` (OntoNotes, which the filter learns from, has
/// mostly dollars: `Rs 1.2 crore to Rs 1.8 crore` had been read as two bare numbers, `₹` and `Rs` unseen).
#[inline]
fn mark_as_dollar(w: &[u8]) -> &[u8] {
    // (byte patterns after a cheap gate: this runs for every word the features look at; U+20A0 to U+20BF,
    // `E2 82 xx` in UTF-8, are all currency signs: € ₹ ₦ ₱ ₩ ₽ ...)
    if w.len() > 3
        || !matches!(
            w.first(),
            Some(0xC2 | 0xE2 | b'R' | b'S' | b'K' | b'A' | b'C')
        )
    {
        return w;
    }
    match w {
        [0xC2, 0xA3 | 0xA5]
        | [0xE2, 0x82, 0xA0..=0xBF]
        | b"Rs"
        | b"Rp"
        | b"Sh"
        | b"KSh"
        | b"Ksh"
        | b"A$"
        | b"C$"
        | b"S$"
        | b"R$" => b"$",
        _ => w,
    }
}

/// The hashed features of a candidate: its rule family and label, its words, the two words on each side,
/// capitalisation, and where it stands in the sentence. Fills `out` (bias first).
pub fn features(doc: &Document<'_>, c: &Candidate, ctx: &Context, bits: u32, out: &mut Vec<u32>) {
    let e = &c.entity;
    out.clear();
    out.push(0);
    let hs = Hasher {
        mask: (1u32 << bits) - 1,
    };
    let toks = &doc.tokens;
    let a = toks.partition_point(|t| t.start < e.start);
    let b = toks
        .partition_point(|t| t.start < e.end)
        .max(a + 1)
        .min(toks.len());
    let word = |i: isize| -> &[u8] {
        if i < 0 || i as usize >= toks.len() {
            b"<s>"
        } else {
            mark_as_dollar(toks[i as usize].text(doc.text).as_bytes())
        }
    };
    let l = label_id(e.label);
    let fam = [family(e.score), c.origin as u8];
    out.push(hs.h(1, l, &[]));
    out.push(hs.h(2, l, &[&fam]));
    let text = e.text.as_bytes();
    let short: &[u8] = if text.len() <= 40 { text } else { b"<long>" };
    out.push(hs.h(3, l, &[short]));
    let n = b - a;
    out.push(hs.h(4, l, &[&[b'0' + n.min(6) as u8]]));
    for i in a..b {
        out.push(hs.h(5, l, &[word(i as isize)]));
        out.push(hs.h(6, 0, &[&shape(word(i as isize))]));
    }
    let first = word(a as isize);
    let last = word(b as isize - 1);
    out.push(hs.h(7, l, &[first]));
    out.push(hs.h(8, l, &[last]));
    let (ai, bi) = (a as isize, b as isize);
    let p1 = word(ai - 1);
    let p2 = word(ai - 2);
    let n1 = word(bi);
    let n2 = word(bi + 1);
    out.push(hs.h(9, l, &[p1]));
    out.push(hs.h(10, l, &[p2, p1]));
    out.push(hs.h(11, l, &[n1]));
    out.push(hs.h(12, l, &[n1, n2]));
    out.push(hs.h(13, l, &[p1, short]));
    out.push(hs.h(14, l, &[short, n1]));
    out.push(hs.h(15, l, &[p1, n1]));
    out.push(hs.h(16, l, &[&shape(p1)[..1], &shape(n1)[..1]]));
    out.push(hs.h(17, l, &[&shape(first)[..1]]));
    out.push(hs.h(18, l, &[&fam, short]));
    // sentence position: is the candidate sentence-initial / sentence-final
    let sent = doc.sentences.partition_point(|s| s.end <= a);
    if let Some(s) = doc.sentences.get(sent) {
        let pos = [
            if a == s.start { b'B' } else { b'M' },
            if b >= s.end { b'E' } else { b'M' },
        ];
        out.push(hs.h(19, l, &[&pos]));
        out.push(hs.h(20, l, &[&pos, short]));
    }
    let st = [b'0' + ctx.style, c.origin as u8];
    out.push(hs.h(21, l, &[&st]));
    out.push(hs.h(22, l, &[&st, short]));
    out.push(hs.h(23, l, &[&st, p1]));
}
