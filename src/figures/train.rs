//! Training the figure filter ([`super::filter`]) on an OntoNotes BIO file (native only).
//!
//! Each candidate the rules read is an example: positive when gold has exactly its span and label. A
//! logistic regression is trained by SGD over the examples in a fixed pseudo-random order (seeded), with
//! L2 decay; the keep threshold is then chosen on the dev split to maximise typed F1.

use super::filter::{decide, features, select, Model, SLOTS};
use crate::text::Document;
use crate::{Label, Options};
use std::collections::HashSet;
use std::path::Path;

/// A document with gold figure spans in byte offsets.
pub struct GoldDoc {
    /// the text, built like `../shared/eval/bio_to_docs.py` builds it
    pub text: String,
    /// gold figures: byte start, byte end, label
    pub spans: Vec<(usize, usize, Label)>,
}

fn map(t: &str) -> Option<Label> {
    Some(match t {
        "CARDINAL" => Label::Number,
        "MONEY" => Label::Money,
        "PERCENT" => Label::Percent,
        "QUANTITY" => Label::Quantity,
        "DATE" => Label::Date,
        "TIME" => Label::Time,
        "ORDINAL" => Label::Ordinal,
        _ => return None,
    })
}

/// Parses OntoNotes BIO text the way `../shared/eval/bio_to_docs.py` does
/// ([`crate::text::corpus::bio_documents`]), keeping the figures.
pub fn parse_bio(content: &str) -> Vec<GoldDoc> {
    crate::text::corpus::bio_documents(content)
        .into_iter()
        .map(|d| GoldDoc {
            spans: d
                .spans
                .iter()
                .filter_map(|&(s, e, t)| Some((s, e, map(t)?)))
                .collect(),
            text: d.text,
        })
        .collect()
}

/// Reads an OntoNotes BIO file (see [`parse_bio`]).
pub fn read_bio(path: &Path) -> std::io::Result<Vec<GoldDoc>> {
    Ok(parse_bio(&std::fs::read_to_string(path)?))
}

/// One candidate: its features, whether gold has it, its span and its document's index.
pub struct Example {
    /// hashed features
    pub feats: Vec<u32>,
    /// gold has exactly this span and label
    pub gold: bool,
    /// byte start and end
    pub span: (usize, usize),
    /// the document's index
    pub doc: usize,
    /// the threshold slot ([`super::filter::slot`])
    pub label: usize,
    /// the model may drop it (see [`super::filter::judged`])
    pub judged: bool,
    /// see [`super::filter::flags`]
    pub anchor: u8,
}

/// The label the GUIDE gives a gold figure where it differs from OntoNotes: a bare age set off by commas
/// (`Nazarbayev , 81 ,`) is a DATE in OntoNotes but a NUMBER under the GUIDE, where ages are dates only when
/// written as periods (`81 years old`); trained as OntoNotes tags it, the filter learned to doubt such numbers.
fn guide_label(text: &str, s: usize, e: usize, l: Label) -> Label {
    let n = &text[s..e];
    let bare = (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit());
    if l == Label::Date && bare && text[..s].ends_with(", ") && text[e..].starts_with(" ,") {
        Label::Number
    } else {
        l
    }
}

/// The candidates of the rules over documents, as examples, plus the number of gold figures.
pub fn examples(docs: &[GoldDoc], bits: u32) -> (Vec<Example>, usize) {
    let mut out = Vec::new();
    let mut n_gold = 0;
    let mut feats = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        let doc = Document::new(&d.text);
        let gold: HashSet<(usize, usize, Label)> = d
            .spans
            .iter()
            .map(|&(s, e, l)| (s, e, guide_label(&d.text, s, e, l)))
            .collect();
        n_gold += gold.len();
        let cands = super::candidates(&doc, &Options::default());
        let ctx = super::filter::contexts(&doc, &cands);
        for (c, ctx) in cands.into_iter().zip(&ctx) {
            features(&doc, &c, ctx, bits, &mut feats);
            let e = &c.entity;
            out.push(Example {
                feats: feats.clone(),
                gold: gold.contains(&(e.start, e.end, e.label)),
                span: (e.start, e.end),
                doc: di,
                judged: super::filter::judged(&c),
                anchor: super::filter::flags(&c),
                label: super::filter::slot(&c),
            });
        }
    }
    (out, n_gold)
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// log2 of the number of weights
    pub bits: u32,
    /// passes over the examples
    pub epochs: usize,
    /// learning rate
    pub rate: f32,
    /// L2 decay per example
    pub l2: f32,
    /// seed of the example order
    pub seed: u64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            bits: 13,
            epochs: 8,
            rate: 0.1,
            l2: 1e-6,
            seed: 42,
        }
    }
}

/// A deterministic source of shuffle indices (a 64-bit LCG) seeded with `seed`.
fn shuffler(seed: u64) -> impl FnMut() -> usize {
    let step = |x: u64| {
        x.wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407)
    };
    let mut state = step(seed);
    move || {
        state = step(state);
        (state >> 33) as usize
    }
}

/// Trains a logistic regression on the examples (threshold left at 0.5).
pub fn train(ex: &[Example], cfg: &Config) -> Model {
    let mut m = Model::zeros(cfg.bits);
    // the average of the weights at the end of each epoch (steadier than the last ones)
    let mut avg = vec![0f32; m.weights.len()];
    let mut order: Vec<usize> = (0..ex.len()).collect();
    let mut next = shuffler(cfg.seed);
    for epoch in 0..cfg.epochs {
        for i in (1..order.len()).rev() {
            let j = next() % (i + 1);
            order.swap(i, j);
        }
        let rate = cfg.rate / (1.0 + epoch as f32);
        for &k in &order {
            let e = &ex[k];
            let p = m.prob(&e.feats);
            let g = (if e.gold { 1.0 } else { 0.0 }) - p;
            for &f in &e.feats {
                let w = &mut m.weights[f as usize];
                *w += rate * (g - cfg.l2 * *w);
            }
        }
        avg.iter_mut().zip(&m.weights).for_each(|(a, w)| *a += w);
    }
    let n = cfg.epochs.max(1) as f32;
    m.weights = avg.into_iter().map(|a| a / n).collect();
    m
}

/// Typed (precision, recall, F1) when decoding each document's candidates with [`select`] at the thresholds
/// per label `t`.
pub fn prf(m: &Model, ex: &[Example], n_gold: usize, t: &[f32; SLOTS]) -> (f64, f64, f64) {
    let (mut tp, mut np) = (0usize, 0usize);
    let mut i = 0;
    while i < ex.len() {
        let j = i + ex[i..].iter().take_while(|e| e.doc == ex[i].doc).count();
        let probs: Vec<f32> = ex[i..j]
            .iter()
            .map(|e| {
                let p = m.prob(&e.feats);
                if e.judged {
                    p
                } else {
                    p.max(t[e.label])
                }
            })
            .collect();
        let mut spans: Vec<(usize, usize, f32)> = ex[i..j]
            .iter()
            .zip(&probs)
            .map(|(e, &p)| (e.span.0, e.span.1, super::filter::rank(p, t[e.label])))
            .collect();
        let flags: Vec<u8> = ex[i..j].iter().map(|e| e.anchor).collect();
        let floorable: Vec<bool> = ex[i..j]
            .iter()
            .map(|e| e.judged && super::filter::floored(e.label))
            .collect();
        let anchors = super::filter::floor_anchors(&flags, &floorable, &probs, m.floor);
        super::filter::demote_parts(&mut spans, &probs, &anchors);
        for k in decide(&spans, &anchors) {
            np += 1;
            tp += ex[i + k].gold as usize;
        }
        i = j;
    }
    let p = if np == 0 { 0.0 } else { tp as f64 / np as f64 };
    let r = if n_gold == 0 {
        0.0
    } else {
        tp as f64 / n_gold as f64
    };
    let f = if tp == 0 {
        0.0
    } else {
        2.0 * tp as f64 / (np + n_gold) as f64
    };
    (p, r, f)
}

/// Picks the threshold with the best typed F1 on the dev examples (the model as quantised for shipping), then
/// refines it per label (two rounds of coordinate ascent), then picks the anchors' floor
/// ([`super::filter::floor_anchors`]); returns the F1.
pub fn tune_threshold(m: &mut Model, dev: &[Example], n_gold: usize) -> f64 {
    let q = Model::from_bytes(&m.to_bytes()).expect("round trip");
    let grid: Vec<f32> = (5..=90).map(|i| i as f32 / 100.0).collect();
    let (mut best_t, mut best_f) = (0.5f32, -1.0);
    for &t in &grid {
        let f = prf(&q, dev, n_gold, &[t; SLOTS]).2;
        if f > best_f {
            best_f = f;
            best_t = t;
        }
    }
    m.threshold = best_t;
    let mut ts = [best_t; SLOTS];
    let labels: Vec<usize> = {
        let mut l: Vec<usize> = dev.iter().map(|e| e.label).collect();
        l.sort_unstable();
        l.dedup();
        l
    };
    for _ in 0..2 {
        for &l in &labels {
            for &t in &grid {
                let mut tt = ts;
                tt[l] = t;
                let f = prf(&q, dev, n_gold, &tt).2;
                if f > best_f + 1e-9 {
                    best_f = f;
                    ts = tt;
                }
            }
        }
    }
    m.per_label = ts;
    // then the floor under which anchors the model judges may be dropped (0: never)
    let mut q = q;
    for f in (0..=30).map(|i| i as f32 / 100.0) {
        q.floor = f;
        let fl = prf(&q, dev, n_gold, &ts).2;
        if fl > best_f + 1e-9 {
            best_f = fl;
            m.floor = f;
        }
    }
    best_f
}

/// Trains the weights as a structured averaged perceptron: each document's candidates are decoded as at run
/// time ([`select`] over the margins, the clear rule readings kept unless an overlapping candidate wins), and
/// the weights move towards the gold candidates that were missed and away from the wrong ones that were
/// taken. Unlike the logistic loss, this learns which of several overlapping boundaries to prefer from the
/// decisions themselves. Thresholds are left at 0.5 (a margin of zero).
pub fn train_perceptron(ex: &[Example], cfg: &Config) -> Model {
    let mut m = Model::zeros(cfg.bits);
    let nw = m.weights.len();
    // averaged perceptron with the usual trick: avg = w - u / c
    let mut u = vec![0f32; nw];
    let mut c = 1f32;
    let mut docs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < ex.len() {
        let j = i + ex[i..].iter().take_while(|e| e.doc == ex[i].doc).count();
        docs.push((i, j));
        i = j;
    }
    let mut next = shuffler(cfg.seed);
    let mut spans: Vec<(usize, usize, f32)> = Vec::new();
    for _ in 0..cfg.epochs {
        for i in (1..docs.len()).rev() {
            let j = next() % (i + 1);
            docs.swap(i, j);
        }
        for &(a, b) in &docs {
            spans.clear();
            for e in &ex[a..b] {
                let z: f32 = e.feats.iter().map(|&f| m.weights[f as usize]).sum();
                spans.push((
                    e.span.0,
                    e.span.1,
                    if e.judged { z } else { z.max(0.0) + 1e-6 },
                ));
            }
            let pred = select(&spans, 0.0);
            let mut taken = vec![false; b - a];
            for k in pred {
                taken[k] = true;
            }
            for (k, e) in ex[a..b].iter().enumerate() {
                let d = match (e.gold, taken[k]) {
                    (true, false) => cfg.rate,
                    (false, true) => -cfg.rate,
                    _ => continue,
                };
                for &f in &e.feats {
                    m.weights[f as usize] += d;
                    u[f as usize] += c * d;
                }
            }
            c += 1.0;
        }
    }
    m.weights = m.weights.iter().zip(&u).map(|(w, u)| w - u / c).collect();
    m
}
