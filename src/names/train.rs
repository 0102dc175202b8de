//! Training (native only, never compiled into the WebAssembly module): corpus reading, projection of the
//! gold spans onto this crate's tokens, an averaged structured perceptron, pruning and quantisation.
//!
//! The corpora are read exactly as `../shared/eval/bio_to_docs.py` reads them (tokens joined by spaces,
//! sentences by `\n`, treebank escapes undone, documents split at `-DOCSTART-`), then the text is
//! re-tokenised by [`Document::new`] and each gold span is projected onto the tokens it covers. So training
//! sees exactly what tagging sees.

use super::features::DocFeatures;
use super::hash::FxHashMap;
use super::model::{allowed, begin_tag, tag_label, Model, Weights, NT};
use super::resources::Resources;
use crate::text::Document;
use crate::Label;
use std::path::{Path, PathBuf};

/// A document of a corpus: its text and its gold names (byte offsets, end exclusive).
#[derive(Clone, Debug)]
pub struct CorpusDoc {
    /// The text, built like `bio_to_docs.py` builds it.
    pub text: String,
    /// Gold names as `(start, end, label)`; figures are left out.
    pub spans: Vec<(usize, usize, Label)>,
}

fn map_label(t: &str) -> Option<Label> {
    Some(match t {
        "PER" | "PERSON" => Label::Person,
        "LOC" | "GPE" | "FAC" => Label::Place,
        "ORG" => Label::Org,
        "MISC" | "NORP" | "EVENT" | "PRODUCT" | "WORK_OF_ART" | "LAW" | "LANGUAGE" => Label::Misc,
        _ => return None,
    })
}

/// Reads a CoNLL-2003 (space-separated) or OntoNotes (tab-separated) BIO file into documents
/// ([`crate::text::corpus::bio_documents`]), keeping the names.
pub fn read_bio(content: &str) -> Vec<CorpusDoc> {
    crate::text::corpus::bio_documents(content)
        .into_iter()
        .map(|d| CorpusDoc {
            spans: d
                .spans
                .iter()
                .filter_map(|&(s, e, t)| Some((s, e, map_label(t)?)))
                .collect(),
            text: d.text,
        })
        .collect()
}

/// Gold tags of `doc`'s tokens: every token overlapping a gold span gets its label (B- on the first).
pub fn project(doc: &Document<'_>, spans: &[(usize, usize, Label)]) -> Vec<u8> {
    let segs = super::segments(doc);
    let mut tags = vec![0u8; doc.tokens.len()];
    for &(s, e, l) in spans {
        let mut first = doc.tokens.partition_point(|t| t.end <= s);
        // The GUIDE's convention: no leading `the` (OntoNotes sometimes includes it).
        if first < doc.tokens.len()
            && doc.tokens[first].end < e
            && doc.token_text(first).eq_ignore_ascii_case("the")
        {
            let mid_sentence_cap =
                doc.token_text(first) == "The" && !segs.iter().any(|r| r.start == first);
            if !mid_sentence_cap {
                first += 1;
            }
        }
        let b = begin_tag(l) as u8;
        let mut k = first;
        while k < doc.tokens.len() && doc.tokens[k].start < e {
            tags[k] = if k == first { b } else { b + 1 };
            k += 1;
        }
    }
    // A span that begins mid-sentence after our sentence split, or an I- after a split: make valid BIO.
    for r in &segs {
        for k in r.clone() {
            let prev = if k == r.start {
                None
            } else {
                Some(tags[k - 1] as usize)
            };
            if !allowed(prev, tags[k] as usize) {
                tags[k] -= 1;
            }
        }
    }
    tags
}

/// What to train on and how.
#[derive(Clone, Debug)]
pub struct Config {
    /// Training files (CoNLL-2003 or OntoNotes BIO).
    pub train: Vec<PathBuf>,
    /// Development files, scored after training (and after each epoch with `eval_every_epoch`).
    pub dev: Vec<PathBuf>,
    /// Clusters and gazetteers (empty for none).
    pub resources: Resources,
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffling.
    pub seed: u64,
    /// Use only the first `max_docs` documents of each training file.
    pub max_docs: Option<usize>,
    /// Keep at most this many features (the largest weights).
    pub max_features: usize,
    /// Drop features whose largest absolute weight is below this.
    pub min_weight: f32,
    /// Score the dev files after every epoch (slower).
    pub eval_every_epoch: bool,
    /// Softmax temperature stored in the model for confidences.
    pub temperature: f32,
    /// Weights are stored as 16-bit multiples of this absolute step.
    pub step: f32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            train: Vec::new(),
            dev: Vec::new(),
            resources: Resources::default(),
            epochs: 12,
            seed: 42,
            max_docs: None,
            max_features: 100_000,
            min_weight: 0.0,
            eval_every_epoch: false,
            temperature: 1.0,
            step: 0.5,
        }
    }
}

struct Sentence {
    /// Per token: index of its history key among its document's keys, or u32::MAX.
    hkeys: Vec<u32>,
    offs: Vec<u32>,
    feats: Vec<u32>,
    gold: Vec<u8>,
}

/// Precision, recall and F1 counts per label.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// (true positives, predicted, gold) per label in `TAG_LABELS` order.
    pub counts: [(usize, usize, usize); 4],
}

impl Scores {
    /// F1 over the given labels (exact span and label match).
    pub fn f1(&self, labels: &[Label]) -> f64 {
        let (mut tp, mut p, mut g) = (0, 0, 0);
        for (k, l) in super::model::TAG_LABELS.iter().enumerate() {
            if labels.contains(l) {
                tp += self.counts[k].0;
                p += self.counts[k].1;
                g += self.counts[k].2;
            }
        }
        if tp == 0 {
            0.0
        } else {
            2.0 * tp as f64 / (p + g) as f64
        }
    }

    /// One line: names, names+MISC, and each label.
    pub fn summary(&self) -> String {
        use Label::*;
        format!(
            "names {:.4}  names_misc {:.4}  PERSON {:.4} PLACE {:.4} ORG {:.4} MISC {:.4}",
            self.f1(&[Person, Place, Org]),
            self.f1(&[Person, Place, Org, Misc]),
            self.f1(&[Person]),
            self.f1(&[Place]),
            self.f1(&[Org]),
            self.f1(&[Misc])
        )
    }
}

/// Scores `model` on corpus documents, through the whole names pipeline (tagging, then the document-level
/// consistency and overlap resolution of [`crate::mentions::resolve`]).
pub fn evaluate(model: &Model, docs: &[CorpusDoc]) -> Scores {
    let mut sc = Scores::default();
    let idx = |l: Label| super::model::TAG_LABELS.iter().position(|&x| x == l);
    for d in docs {
        let doc = Document::new(&d.text);
        let names = super::tag_with(model, &doc);
        let names = crate::mentions::resolve(&doc, names, Vec::new());
        let gold: std::collections::HashSet<(usize, usize, Label)> =
            d.spans.iter().copied().collect();
        for e in &names {
            if let Some(k) = idx(e.label) {
                sc.counts[k].1 += 1;
                if gold.contains(&(e.start, e.end, e.label)) {
                    sc.counts[k].0 += 1;
                }
            }
        }
        for &(_, _, l) in &d.spans {
            if let Some(k) = idx(l) {
                sc.counts[k].2 += 1;
            }
        }
    }
    sc
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Reads the documents of one corpus file.
pub fn read_file(path: &Path) -> std::io::Result<Vec<CorpusDoc>> {
    Ok(read_bio(&std::fs::read_to_string(path)?))
}

/// The trained model and what happened.
pub struct Trained {
    /// The pruned model, its weights quantised with [`Config::step`] (as shipped).
    pub model: Model,
    /// Log lines (also printed to stderr as training goes).
    pub log: Vec<String>,
}

/// Trains a model. Deterministic for a given config.
pub fn train(cfg: &Config) -> std::io::Result<Trained> {
    let t0 = std::time::Instant::now();
    let mut log = Vec::new();
    let say = |s: String, log: &mut Vec<String>| {
        eprintln!("[{:7.1}s] {s}", t0.elapsed().as_secs_f64());
        log.push(s);
    };
    // 1. Features of every training sentence, interned to dense indices.
    let mut intern: FxHashMap<u32, u32> = FxHashMap::default();
    let mut keys: Vec<u32> = Vec::new();
    let mut sents: Vec<Sentence> = Vec::new();
    // Documents as ranges of `sents`, and their number of history keys.
    let mut doc_sents: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
    // The history features' ids come first, so the trainer can add them as it goes.
    let mut hist_ids: FxHashMap<u32, u32> = FxHashMap::default();
    {
        let mut all = Vec::new();
        for c in 0..super::features::HISTORY_CLASSES {
            let mut counts = [0u16; super::features::HISTORY_CLASSES];
            counts[c] = 1;
            super::features::history_features(&counts, &mut all);
        }
        for f in all {
            if let std::collections::hash_map::Entry::Vacant(v) = intern.entry(f) {
                v.insert(keys.len() as u32);
                hist_ids.insert(f, keys.len() as u32);
                keys.push(f);
            }
        }
    }
    let mut buf = Vec::new();
    let mut ntok = 0usize;
    let mut lexicon = super::features::Lexicon::default();
    for path in &cfg.train {
        let mut docs = read_file(path)?;
        if let Some(m) = cfg.max_docs {
            docs.truncate(m);
        }
        for d in &docs {
            let doc = Document::new(&d.text);
            let gold = project(&doc, &d.spans);
            let ty = super::features::intern_tokens(&doc, &mut lexicon, &cfg.resources);
            let df = DocFeatures::new(&doc, &lexicon, ty, &cfg.resources);
            let first_sent = sents.len();
            let mut hk: FxHashMap<u64, u32> = FxHashMap::default();
            for r in &super::segments(&doc) {
                let mut s = Sentence {
                    hkeys: Vec::new(),
                    offs: vec![0],
                    feats: Vec::new(),
                    gold: gold[r.clone()].to_vec(),
                };
                for i in r.clone() {
                    let next = hk.len() as u32;
                    s.hkeys.push(
                        df.history_key(i)
                            .map_or(u32::MAX, |k| *hk.entry(k).or_insert(next)),
                    );
                    buf.clear();
                    df.token(i, r, &mut buf);
                    for &f in &buf {
                        let next = keys.len() as u32;
                        let id = *intern.entry(f).or_insert_with(|| {
                            keys.push(f);
                            next
                        });
                        s.feats.push(id);
                    }
                    s.offs.push(s.feats.len() as u32);
                }
                ntok += r.len();
                sents.push(s);
            }
            doc_sents.push((first_sent..sents.len(), hk.len()));
        }
        say(
            format!(
                "read {} ({} docs); {} sentences, {} tokens, {} features so far",
                path.display(),
                docs.len(),
                sents.len(),
                ntok,
                keys.len()
            ),
            &mut log,
        );
    }
    drop(intern);
    let dev: Vec<(PathBuf, Vec<CorpusDoc>)> = cfg
        .dev
        .iter()
        .map(|p| Ok((p.clone(), read_file(p)?)))
        .collect::<std::io::Result<_>>()?;
    // 2. Averaged perceptron. Row NT of `tw` holds the start scores.
    let nf = keys.len();
    let mut w = vec![0f32; nf * NT];
    let mut u = vec![0f32; nf * NT];
    let mut tw = [[0f32; NT]; NT + 1];
    let mut tu = [[0f64; NT]; NT + 1];
    let mut c: f64 = 1.0;
    let mut rng = Rng(cfg.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut order: Vec<usize> = (0..doc_sents.len()).collect();
    let mut em: Vec<[f32; NT]> = Vec::new();
    let mut history: Vec<[u16; super::features::HISTORY_CLASSES]> = Vec::new();
    let mut dyn_feats: Vec<Vec<u32>> = Vec::new();
    let mut hbuf = Vec::new();
    for epoch in 1..=cfg.epochs {
        rng.shuffle(&mut order);
        let (mut wrong, mut total) = (0usize, 0usize);
        for &di in &order {
            let (range, nkeys) = doc_sents[di].clone();
            history.clear();
            history.resize(nkeys, [0; super::features::HISTORY_CLASSES]);
            for si in range {
                let s = &sents[si];
                let n = s.gold.len();
                em.clear();
                dyn_feats.resize(n.max(dyn_feats.len()), Vec::new());
                for t in 0..n {
                    let mut sc = [0f32; NT];
                    dyn_feats[t].clear();
                    if s.hkeys[t] != u32::MAX {
                        hbuf.clear();
                        super::features::history_features(&history[s.hkeys[t] as usize], &mut hbuf);
                        dyn_feats[t].extend(hbuf.iter().map(|f| hist_ids[f]));
                    }
                    for &f in s.feats[s.offs[t] as usize..s.offs[t + 1] as usize]
                        .iter()
                        .chain(&dyn_feats[t])
                    {
                        let row = &w[f as usize * NT..f as usize * NT + NT];
                        for y in 0..NT {
                            sc[y] += row[y];
                        }
                    }
                    em.push(sc);
                }
                let mut start = [0f32; NT];
                start.copy_from_slice(&tw[NT]);
                let mut trans = [[0f32; NT]; NT];
                trans.copy_from_slice(&tw[..NT]);
                let pred = super::decode::viterbi(&em, &start, &trans);
                for t in 0..n {
                    if s.hkeys[t] != u32::MAX {
                        let c = &mut history[s.hkeys[t] as usize]
                            [super::features::history_class(pred[t])];
                        *c = c.saturating_add(1);
                    }
                }
                total += n;
                if pred.iter().zip(&s.gold).any(|(&p, &g)| p != g as usize) {
                    let cf = c as f32;
                    for t in 0..n {
                        let (g, p) = (s.gold[t] as usize, pred[t]);
                        if g != p {
                            wrong += 1;
                            for &f in s.feats[s.offs[t] as usize..s.offs[t + 1] as usize]
                                .iter()
                                .chain(&dyn_feats[t])
                            {
                                let b = f as usize * NT;
                                w[b + g] += 1.0;
                                w[b + p] -= 1.0;
                                u[b + g] += cf;
                                u[b + p] -= cf;
                            }
                        }
                        let gp = if t == 0 { NT } else { s.gold[t - 1] as usize };
                        let pp = if t == 0 { NT } else { pred[t - 1] };
                        if gp != pp || g != p {
                            tw[gp][g] += 1.0;
                            tw[pp][p] -= 1.0;
                            tu[gp][g] += c;
                            tu[pp][p] -= c;
                        }
                    }
                }
                c += 1.0;
            }
        }
        say(
            format!(
                "epoch {epoch}: {:.4} of training tokens wrong",
                wrong as f64 / total.max(1) as f64
            ),
            &mut log,
        );
        if cfg.eval_every_epoch || epoch == cfg.epochs {
            let model = averaged(&keys, &w, &u, &tw, &tu, c, cfg, usize::MAX, 0.0);
            for (p, docs) in &dev {
                let sc = evaluate(&model, docs);
                say(
                    format!("  dev {} (all features): {}", p.display(), sc.summary()),
                    &mut log,
                );
            }
        }
    }
    // 3. Prune and pick the quantisation scale.
    let model = averaged(
        &keys,
        &w,
        &u,
        &tw,
        &tu,
        c,
        cfg,
        cfg.max_features,
        cfg.min_weight,
    );
    say(
        format!("kept {} of {} features", model.weights.len(), nf),
        &mut log,
    );
    let mut model = model;
    if let Some((_, docs)) = dev.first() {
        let (t, brier) = calibrate(&model, docs);
        model.temperature = t;
        say(format!("temperature {t} (Brier score of name confidences on the first dev file {brier:.4})"), &mut log);
    }
    Ok(Trained { model, log })
}

#[allow(clippy::too_many_arguments)]
fn averaged(
    keys: &[u32],
    w: &[f32],
    u: &[f32],
    tw: &[[f32; NT]; NT + 1],
    tu: &[[f64; NT]; NT + 1],
    c: f64,
    cfg: &Config,
    max_features: usize,
    min_weight: f32,
) -> Model {
    let cf = c as f32;
    let avg = |i: usize| w[i] - u[i] / cf;
    // Rank features by their largest absolute averaged weight.
    let mut ranked: Vec<(f32, usize)> = (0..keys.len())
        .map(|f| {
            (
                (0..NT).map(|y| avg(f * NT + y).abs()).fold(0.0, f32::max),
                f,
            )
        })
        .filter(|&(m, _)| m > 0.0 && m >= min_weight)
        .collect();
    if ranked.len() > max_features {
        ranked.select_nth_unstable_by(max_features, |a, b| {
            b.0.partial_cmp(&a.0).unwrap().then(a.1.cmp(&b.1))
        });
        ranked.truncate(max_features);
    }
    // Rows in feature-id order, the order the model table wants.
    ranked.sort_unstable_by_key(|&(_, f)| keys[f]);
    let mut ids = Vec::with_capacity(ranked.len());
    let mut weights = Vec::with_capacity(ranked.len() * NT);
    for &(_, f) in &ranked {
        ids.push(keys[f]);
        for y in 0..NT {
            weights.push(avg(f * NT + y));
        }
    }
    let (weights, clamped) = Weights::quantise(ids, &weights, cfg.step);
    if clamped > 0 {
        eprintln!(
            "warning: {clamped} weights clamped to the 16-bit range (step {})",
            cfg.step
        );
    }
    let mut start = [0f32; NT];
    let mut trans = [[0f32; NT]; NT];
    for y in 0..NT {
        start[y] = (tw[NT][y] as f64 - tu[NT][y] / c) as f32;
        for p in 0..NT {
            trans[p][y] = (tw[p][y] as f64 - tu[p][y] / c) as f32;
        }
    }
    let mut resources = cfg.resources.clone();
    if !resources.gazetteer.is_empty() {
        resources.add_modern_first_names();
    }
    Model::new(resources, cfg.temperature, start, trans, weights)
}

/// The label of a tag (re-exported for the trainer's reports).
pub fn label_of(tag: usize) -> Option<Label> {
    tag_label(tag)
}

/// Picks the softmax temperature whose name confidences best predict correctness on `docs` (lowest Brier
/// score), from a fixed grid.
pub fn calibrate(model: &Model, docs: &[CorpusDoc]) -> (f32, f64) {
    let docs = &docs[..docs.len().min(150)];
    let mut best = (1.0f32, f64::INFINITY);
    for t in [1.0f32, 2.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0] {
        let mut m = model.clone();
        m.temperature = t;
        let (mut sum, mut n) = (0f64, 0usize);
        for d in docs {
            let doc = Document::new(&d.text);
            let gold: std::collections::HashSet<(usize, usize, Label)> =
                d.spans.iter().copied().collect();
            for e in super::tag_with(&m, &doc) {
                let y = gold.contains(&(e.start, e.end, e.label)) as u8 as f64;
                sum += (e.score as f64 - y).powi(2);
                n += 1;
            }
        }
        let b = sum / n.max(1) as f64;
        if b < best.1 {
            best = (t, b);
        }
    }
    best
}
