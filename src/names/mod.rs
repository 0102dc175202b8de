//! Names: people, places, organisations and other names, tagged by a trained sequence model.
//!
//! The model is an averaged structured perceptron over hashed sparse features ([`features`]), trained by this
//! crate's own code ([`train`], native only) on CoNLL-2003 and OntoNotes 5 re-tokenised by [`crate::text`], and
//! decoded with Viterbi under BIO constraints ([`decode`]). Its file ([`model`]) is embedded in the binary
//! with `include_bytes!`, together with the pieces of the cluster table and the gazetteers its features use,
//! so tagging reads nothing from disk, also in the browser.
//!
//! A name's `score` is the smallest marginal probability, over its tokens, of the tag the decoder chose
//! (forward-backward over the same scores).

pub mod decode;
pub mod features;
pub mod hash;
pub mod model;
pub mod resources;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;
pub mod truecase;

use crate::text::Document;
use crate::Entity;
use features::DocFeatures;
use model::{is_begin, tag_label, FormatError, Model, NT};
use std::sync::OnceLock;

/// The trained model file, embedded (see `model/MODEL.md`).
pub static MODEL_BYTES: &[u8] = include_bytes!("../../model/names.bin");

static MODEL: OnceLock<Result<Model, FormatError>> = OnceLock::new();

/// The embedded model, loaded on first use.
pub fn model() -> Result<&'static Model, &'static FormatError> {
    MODEL
        .get_or_init(|| Model::from_static(MODEL_BYTES))
        .as_ref()
}

/// Tags the names of a document, sorted by start and not overlapping one another.
///
/// ```
/// use article_annotator::{names, text::Document, Label};
/// let doc = Document::new("Angela Merkel flew to Paris on Monday.");
/// let found = names::tag(&doc);
/// assert!(found.iter().any(|e| e.text == "Paris" && e.label == Label::Place));
/// ```
pub fn tag(doc: &Document<'_>) -> Vec<Entity> {
    match model() {
        Ok(m) => tag_with(m, doc),
        Err(_) => Vec::new(),
    }
}

/// The summed weights of the features that depend on one word type alone, for each part the word plays in
/// them: its own features ([`features::Lex::word_features`]) with its position feature in and not at a
/// segment's start, and the context features it gives each of its neighbours
/// ([`features::neighbour_features`]). Integer sums, so adding them up in parts gives exactly the score of
/// the whole list of features.
#[derive(Clone, Copy)]
pub struct WordScores {
    /// Own features, with the position feature of a word not at a segment's start.
    inner: [i32; NT],
    /// Own features, with the position feature of a segment's first word.
    first: [i32; NT],
    /// What the word gives a token at each place ([`features::Neighbour::index`]).
    neighbour: [[i32; NT]; 4],
}

impl WordScores {
    /// The sums for word `x` under `model`; `buf` is scratch space.
    pub fn new(model: &Model, x: &features::Lex, buf: &mut Vec<u32>) -> WordScores {
        buf.clear();
        x.word_features(buf);
        let own = sum(model, buf, [0; NT]);
        WordScores {
            inner: sum(model, &[x.position_feature(false)], own),
            first: sum(model, &[x.position_feature(true)], own),
            neighbour: neighbour_sums(model, Some(x), buf),
        }
    }
}

/// The quantised weights of `ids` added to `acc`.
fn sum(model: &Model, ids: &[u32], mut acc: [i32; NT]) -> [i32; NT] {
    for &id in ids {
        model.weights.add(id, &mut acc);
    }
    acc
}

/// What word `x` (`None`: beyond the segment) gives a token at each place.
fn neighbour_sums(model: &Model, x: Option<&features::Lex>, buf: &mut Vec<u32>) -> [[i32; NT]; 4] {
    features::Neighbour::ALL.map(|at| {
        buf.clear();
        features::neighbour_features(x, at, buf);
        sum(model, buf, [0; NT])
    })
}

/// The summed weights the tagger keeps for one model: per word type, per place beyond a segment, per small
/// feature.
#[derive(Default)]
pub struct Sums {
    /// Each word type's [`WordScores`], indexed by word type.
    words: Vec<WordScores>,
    /// What a place beyond the segment gives a token ([`features::Neighbour::index`]).
    outside: [[i32; NT]; 4],
    /// The weights of each small feature ([`features::small_feature_id`]).
    small: Vec<[i32; NT]>,
}

impl Sums {
    /// Forgets the words; sums the model's weights for places beyond a segment and the small features.
    fn reset(&mut self, model: &Model, buf: &mut Vec<u32>) {
        self.words.clear();
        self.outside = neighbour_sums(model, None, buf);
        self.small = (0..features::SMALL_FEATURES)
            .map(|k| sum(model, &[features::small_feature_id(k)], [0; NT]))
            .collect();
    }
}

/// The per-tag scores of each token of `sentence` (a token range of `doc`), into `out`, given the summed
/// weights `sums` (with every word type of `df`). Only the features that depend on more than one word
/// are looked up per token.
pub fn emissions(
    model: &Model,
    df: &DocFeatures<'_>,
    sums: &Sums,
    sentence: &std::ops::Range<usize>,
    buf: &mut Vec<u32>,
    out: &mut Vec<[f32; NT]>,
) {
    let (ty, words) = (df.types(), &sums.words);
    out.clear();
    out.extend(sentence.clone().map(|i| {
        let w = &words[ty[i] as usize];
        let mut acc = if i == sentence.start {
            w.first
        } else {
            w.inner
        };
        for at in features::Neighbour::ALL {
            let add = match at.of(i, sentence) {
                Some(j) => &words[ty[j] as usize].neighbour[at.index()],
                None => &sums.outside[at.index()],
            };
            for (a, b) in acc.iter_mut().zip(add) {
                *a += b;
            }
        }
        df.small_features(i, sentence, |k| {
            for (a, b) in acc.iter_mut().zip(&sums.small[k]) {
                *a += b;
            }
        });
        buf.clear();
        df.context_rest(i, sentence, buf);
        model.weights.scores(&sum(model, buf, acc))
    }));
}

/// At most this many word types are cached per thread; the cache starts afresh when it is full.
const WORD_CACHE_CAPACITY: usize = 50_000;

/// Per thread, for one model: the lexicon of the words seen (their spelling facts) and each word's summed
/// weights ([`Sums`]). A word seen before costs one hash lookup instead of its spelling analysis and
/// about twenty weight lookups. Integer sums, so a cached score is exactly the one computed afresh.
#[derive(Default)]
struct WordCache {
    model: u64,
    lexicon: features::Lexicon,
    sums: Sums,
    decoder: Option<decode::Decoder>,
}

thread_local! {
    static WORD_CACHE: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache::default());
}

/// The stretches of tokens the tagger decodes one at a time: the document's sentences, except that a
/// sentence ending in a dotted abbreviation (`U.S.`, `Corp.`) continues into the next one when no line
/// break separates them. The sentence splitter ends a sentence at `U.S. Open` or `Time Warner Inc. 's`;
/// cutting a name in two there would make it impossible to find, while decoding two real sentences together
/// costs nothing. Training uses the same segments.
pub fn segments(doc: &Document<'_>) -> Vec<std::ops::Range<usize>> {
    use crate::text::TokenKind;
    let mut out: Vec<std::ops::Range<usize>> = Vec::with_capacity(doc.sentences.len());
    for r in &doc.sentences {
        if let Some(prev) = out.last_mut() {
            let last = doc.tokens[prev.end - 1];
            let t = last.text(doc.text);
            let gap = &doc.text[last.end..doc.tokens[r.start].start];
            let abbreviation = last.kind == TokenKind::Word && t.len() > 1 && t.ends_with('.');
            if abbreviation && !gap.contains(['\n', '\r', '\u{2029}']) && prev.end == r.start {
                prev.end = r.end;
                continue;
            }
        }
        out.push(r.clone());
    }
    out
}

/// Tags the names of a document with the given model.
pub fn tag_with(model: &Model, doc: &Document<'_>) -> Vec<Entity> {
    WORD_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let cache = &mut *cache;
        if cache.model != model.serial()
            || cache.lexicon.len() + doc.tokens.len() > WORD_CACHE_CAPACITY
        {
            cache.lexicon.clear();
            cache.model = model.serial();
        }
        let mut buf = Vec::with_capacity(96);
        if cache.lexicon.is_empty() {
            cache.sums.reset(model, &mut buf);
        }
        // Kept while the model's transitions are the same (they are public fields, so this is checked).
        let (start, trans, temperature) = (&model.start, &model.trans, model.temperature);
        if !cache
            .decoder
            .as_ref()
            .is_some_and(|d| d.prepared_for(start, trans, temperature))
        {
            cache.decoder = Some(decode::Decoder::new(start, trans, temperature));
        }
        let decoder = cache.decoder.as_mut().expect("just set");
        // headlines are read as if written in running text (see `truecase`)
        let ty = truecase::intern_tokens(doc, &mut cache.lexicon, &model.resources);
        for k in cache.sums.words.len()..cache.lexicon.len() {
            let w = WordScores::new(model, cache.lexicon.get(k as u32), &mut buf);
            cache.sums.words.push(w);
        }
        let df = DocFeatures::new(doc, &cache.lexicon, ty, &model.resources);
        let mut out = tag_features(model, doc, &df, &cache.sums, decoder, &mut buf);
        split_place_possessives(doc, &model.resources, &mut out);
        groups_of_nations(doc, &mut out);
        out
    })
}

/// A country's or city's possessive before a name is no part of it: `Singapore's DBS Group` is the place
/// `Singapore` and the organisation `DBS Group` (as the tagger reads `India's Reliance Industries`); names
/// that hold a possessive of their own stay whole (`Lloyd's of London`, `McDonald's Corp`: no place).
fn split_place_possessives(doc: &Document<'_>, res: &resources::Resources, out: &mut Vec<Entity>) {
    use crate::text::TokenKind;
    let mut split = Vec::new();
    for (n, e) in out.iter().enumerate() {
        if !matches!(e.label, crate::Label::Org | crate::Label::Misc)
            || !e.text.contains(['\'', '’'])
        {
            continue;
        }
        let first = doc.tokens.partition_point(|t| t.end <= e.start);
        let last = doc.tokens.partition_point(|t| t.start < e.end);
        let Some(c) =
            (first + 1..last.saturating_sub(1)).find(|&i| doc.tokens[i].kind == TokenKind::Clitic)
        else {
            continue;
        };
        let place = &doc.text[doc.tokens[first].start..doc.tokens[c - 1].end];
        let mask = res
            .gazetteer
            .get(place.to_lowercase().as_str())
            .copied()
            .unwrap_or(0);
        let next = doc.tokens[c + 1].text(doc.text);
        if mask & resources::GAZ_PLACE != 0
            && mask & resources::GAZ_COMPANY == 0
            && next.starts_with(char::is_uppercase)
        {
            split.push((
                n,
                doc.tokens[first].start,
                doc.tokens[c - 1].end,
                doc.tokens[c + 1].start,
            ));
        }
    }
    for &(n, a, b, rest) in split.iter().rev() {
        let e = out[n].clone();
        out[n] = Entity {
            start: rest,
            text: doc.text[rest..e.end].to_string(),
            ..e.clone()
        };
        out.insert(
            n,
            Entity {
                start: a,
                end: b,
                label: crate::Label::Place,
                text: doc.text[a..b].to_string(),
                ..e
            },
        );
    }
}

/// Names written as codes, which the corpora of the 1990s and 2000s barely have: the groups of nations (`G7`,
/// `G20`, `G77`) as organisations, the UN climate conferences (`COP30`) as events, and `No 10` (Downing
/// Street, the British prime minister's office) before a lowercase word (`a No 10 spokesperson`) as an
/// organisation. Added where the tagger found nothing; `out` stays sorted.
fn groups_of_nations(doc: &Document<'_>, out: &mut Vec<Entity>) {
    let cop = |w: &str| {
        w.strip_prefix("COP")
            .is_some_and(|d| (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut added = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        let w = t.text(doc.text);
        let (label, last) = if matches!(w, "G7" | "G8" | "G10" | "G20" | "G24" | "G77") {
            (crate::Label::Org, i)
        } else if cop(w) {
            (crate::Label::Misc, i)
        } else if matches!(w, "No" | "No.")
            && doc
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.text(doc.text) == "10" && n.space_before)
            && doc.tokens.get(i + 2).is_some_and(|n| {
                let nw = n.text(doc.text);
                nw.starts_with(char::is_lowercase) && nw != "downing"
            })
        {
            (crate::Label::Org, i + 1)
        } else {
            continue;
        };
        let (a, b) = (t.start, doc.tokens[last].end);
        let taken = out.iter().any(|e| e.start < b && a < e.end);
        if !taken {
            added.push(Entity {
                start: a,
                end: b,
                label,
                text: doc.text[a..b].to_string(),
                score: 0.9,
                group: None,
                value: None,
            });
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|e| e.start);
    }
}

/// Tags a document whose features are `df`, with `sums` the summed weights of each of its word types.
fn tag_features(
    model: &Model,
    doc: &Document<'_>,
    df: &DocFeatures<'_>,
    sums: &Sums,
    decoder: &mut decode::Decoder,
    buf: &mut Vec<u32>,
) -> Vec<Entity> {
    let mut out = Vec::new();
    let mut marg = Vec::new();
    let mut history: hash::FxHashMap<u64, [u16; features::HISTORY_CLASSES]> = Default::default();
    let mut em = Vec::new();
    for s in &segments(doc) {
        if s.is_empty() {
            continue;
        }
        emissions(model, df, sums, s, buf, &mut em);
        for (k, i) in s.clone().enumerate() {
            if let Some(c) = df.history_key(i).and_then(|key| history.get(&key)) {
                buf.clear();
                features::history_features(c, buf);
                let h = model.emission(buf);
                for (e, h) in em[k].iter_mut().zip(h) {
                    *e += h;
                }
            }
        }
        forbid_impossible_tags(doc, s, &mut em);
        let mut path = decoder.viterbi(&em);
        companies_left_out(doc, s, &model.resources, &mut path);
        for (k, i) in s.clone().enumerate() {
            if let Some(key) = df.history_key(i) {
                let c = &mut history.entry(key).or_default()[features::history_class(path[k])];
                *c = c.saturating_add(1);
            }
        }
        // Scores are needed for the tagged tokens only.
        let Some(lo) = path.iter().position(|&y| y != 0) else {
            continue;
        };
        let hi = path.iter().rposition(|&y| y != 0).unwrap_or(lo);
        decoder.marginals_within(&em, lo..hi + 1, &mut marg);
        let mut t = 0;
        while t < path.len() {
            let y = path[t];
            let Some(label) = tag_label(y) else {
                t += 1;
                continue;
            };
            let mut end = t + 1;
            while end < path.len()
                && path[end] == y + usize::from(is_begin(y))
                && !is_begin(path[end])
            {
                end += 1;
            }
            // a run of capitalised words longer than any name (`Word Word Word ...` gave one MISC of 262,144
            // characters): no name
            if end - t > MAX_NAME_TOKENS {
                t = end;
                continue;
            }
            let score = (t..end).map(|k| marg[k][path[k]]).fold(1.0f32, f32::min);
            let (mut first, last) = trim(doc, s.start + t, s.start + end - 1, t == 0, label);
            t = end;
            if first > last {
                continue;
            }
            // GUIDE section 1: no titles in a person's name (`Mr Starmer`, `President Trump`); a courtesy title
            // makes the rest a person whatever the tagger said (`Mrs Jones` was an ORG)
            let (title, courtesy) = title_len(doc, first, last, &model.resources);
            let label = if courtesy {
                crate::Label::Person
            } else {
                label
            };
            if label == crate::Label::Person {
                first += title;
            }
            // a company's description before its name (`Carmaker Stellantis`, `regulator Ofgem`): outside
            // the name, which it makes an organisation
            let (described, label) = org_descriptor(doc, s, first, last, label);
            first += described;
            if first > last {
                continue;
            }
            // `The Hague`, `The New York Times`: a capitalised `The` the tagger left outside.
            if first > s.start && doc.token_text(first - 1) == "The" {
                let name = doc.text[doc.tokens[first].start..doc.tokens[last].end].to_lowercase();
                if THE_NAMES.contains(&name.as_str()) {
                    first -= 1;
                }
            }
            let (a, b) = (doc.tokens[first].start, doc.tokens[last].end);
            out.push(Entity {
                start: a,
                end: b,
                label,
                text: doc.text[a..b].to_string(),
                score: (score * 1000.0).round() / 1000.0,
                group: None,
                value: None,
            });
        }
    }
    out
}

/// Hard limits on which tags a token may take, applied to the emission scores of segment `s` before decoding
/// (as the BIO constraints are):
/// - a name never starts with `’s` (`Taylor Swift’s Eras Tour` gave the MISC name `’s Eras Tour`), a
///   person's name never contains it, and no name runs on from `’s` into a lowercase word other than a
///   joining one (`Elon Musk’s company X` was one ORG; `Lloyd’s of London` stays one). Both corpora's gold
///   names break the last rule 23 times in 97,920 (`a Master 's degree`) and the others never;
/// - a number is never part of a person's name;
/// - symbols and control characters are never part of a name (`He said> Barack Obama` gave the PERSON
///   `> Barack Obama`, and `Angela Merkel | Emmanuel Macron` one PERSON), and of the punctuation names do
///   contain (`AT&T`, `Hewlett-Packard`, `Washington, D.C.`) only an opening quote may start one (a title).
fn forbid_impossible_tags(doc: &Document<'_>, s: &std::ops::Range<usize>, em: &mut [[f32; NT]]) {
    use crate::text::TokenKind;
    const NEVER: f32 = -1.0e4;
    const JOINERS: [&str; 7] = ["of", "a", "de", "du", "la", "and", "the"];
    let mut forbid = |k: usize, keep: &dyn Fn(usize) -> bool| {
        for y in (1..NT).filter(|&y| !keep(y)) {
            em[k][y] = NEVER;
        }
    };
    for (k, i) in s.clone().enumerate() {
        let tok = doc.tokens[i];
        let w = doc.token_text(i);
        match tok.kind {
            TokenKind::Clitic => forbid(k, &|y| {
                !is_begin(y) && tag_label(y) != Some(crate::Label::Person)
            }),
            // a number is no part of a person's name (14 digit tokens in 1.6 million of OntoNotes train,
            // usernames; `Kamala Harris Launches 2028 Bid` was one PERSON)
            TokenKind::Number => forbid(k, &|y| tag_label(y) != Some(crate::Label::Person)),
            TokenKind::Punct => match w {
                "\"" | "“" | "``" | "'" | "‘" | "`" => {}
                "-" | "–" | "—" | "--" | "&" | "," | "." | "''" | "”" | "’" | "/" | "(" | ")"
                | ":" | "?" | "!" => forbid(k, &|y| !is_begin(y)),
                _ => forbid(k, &|_| false),
            },
            // Spoken fillers never start a name (`Mm` was PERSON 70 times in OntoNotes dev transcripts);
            // they may sit inside one (`Walter uh Zalisko`). Not `ah`/`oh`/`er`: `Ah-sheng`, `Oh`, `Wu'er`.
            TokenKind::Word if FILLERS.iter().any(|f| f.eq_ignore_ascii_case(w)) => {
                forbid(k, &|y| !is_begin(y))
            }
            TokenKind::Word
                if i > s.start
                    && doc.tokens[i - 1].kind == TokenKind::Clitic
                    && w.starts_with(|c: char| c.is_lowercase())
                    && !JOINERS.contains(&w) =>
            {
                forbid(k, &is_begin)
            }
            _ => {}
        }
    }
}

/// Spoken fillers of transcripts (lowercase), which never begin a name.
const FILLERS: &[&str] = &[
    "mm", "mmm", "hmm", "hmmm", "hm", "um", "umm", "uh", "uhh", "erm", "mhm", "uh-huh", "mm-hmm",
    "huh", "yeah", "wow",
];

/// A single capitalised word that the gazetteer lists as a company (`Google`, `Nvidia`, or `Tesla` of `Tesla,
/// Inc.`), standing alone (no capitalised word either side, no `the` before it), becomes an organisation:
/// - when the decoder left it outside any name and it is not a common word (`Google cut jobs` gave nothing:
///   the corpora are news of 1996 and the 2000s), or it is one (`Apple`) but a company's verb follows
///   ([`BUSINESS_VERBS`]: `Apple unveils`, the usual headline);
/// - when the decoder tagged it as a place, person or other name, the gazetteer lists it only as a company
///   (not a place or a personal name), and a company's verb follows or it is coordinated with an organisation
///   (`Tesla recalls`, `Google and Amazon face fines`; `The Amazon is burning` stays a place).
/// Both dev splits score the same to four digits with and without the verb and coordination cases.
fn companies_left_out(
    doc: &Document<'_>,
    s: &std::ops::Range<usize>,
    res: &resources::Resources,
    path: &mut [usize],
) {
    use crate::text::TokenKind;
    use resources::{GAZ_COMPANY, GAZ_FIRST, GAZ_LAST, GAZ_PLACE};
    let org = model::begin_tag(crate::Label::Org);
    let person = model::begin_tag(crate::Label::Person);
    let cap_word = |i: usize| {
        s.contains(&i)
            && doc.tokens[i].kind == TokenKind::Word
            && doc.token_text(i).starts_with(char::is_uppercase)
    };
    // the tag of token j of the segment, if it is in it
    let tag_at =
        |path: &[usize], j: Option<usize>| j.filter(|j| s.contains(j)).map(|j| path[j - s.start]);
    // token i is the (lowercase) word w, in any case; no allocation
    let is = |i: usize, w: &str| s.contains(&i) && doc.token_text(i).eq_ignore_ascii_case(w);
    let is_any = |i: usize, ws: &[&str]| {
        s.contains(&i) && ws.iter().any(|w| doc.token_text(i).eq_ignore_ascii_case(w))
    };
    // the word after token i says it is a company: `Apple unveils`, `Tesla’s shares`
    let business = |i: usize| {
        is_any(i + 1, BUSINESS_VERBS)
            || (is_any(i + 1, &["'s", "’s"]) && is_any(i + 2, BUSINESS_NOUNS))
    };
    let mut key = String::new();
    for (k, i) in s.clone().enumerate() {
        if !cap_word(i) || cap_word(i + 1) || (i > 0 && cap_word(i - 1)) {
            continue;
        }
        // one word alone in its name, outside any name or tagged as a place, person or other name
        let single = path[k] != org
            && (path[k] == 0 || (is_begin(path[k]) && path.get(k + 1) != Some(&(path[k] + 1))));
        if !single || (i > s.start && is(i - 1, "the")) {
            continue;
        }
        let w = doc.token_text(i);
        if w.len() < 3 || !w.chars().skip(1).any(char::is_lowercase) {
            continue;
        }
        // a name the tagger found changes only with a company's or a speaker's word after it or a name beside
        // it (see below): most single-word names stop here, before any look-up
        if path[k] != 0
            && !(business(i)
                || is_any(i + 1, AUXILIARIES)
                || is_any(i + 1, SPEECH_VERBS)
                || (i > 0 && is(i - 1, "and"))
                || is(i + 1, "and"))
        {
            continue;
        }
        key.clear();
        key.extend(w.chars().flat_map(char::to_lowercase));
        let word = key.len();
        let own = res.gazetteer.get(key.as_str()).copied().unwrap_or(0);
        let Some(mask) = [
            "",
            " inc.",
            " , inc.",
            " corp.",
            " corporation",
            " plc",
            " ltd",
            " ltd.",
            " co.",
        ]
        .iter()
        .find_map(|suffix| {
            key.truncate(word);
            key.push_str(suffix);
            res.gazetteer
                .get(key.as_str())
                .copied()
                .filter(|m| m & GAZ_COMPANY != 0)
        }) else {
            key.truncate(word);
            // a surname the gazetteer knows, no place, not a common word, outside any person's name, that
            // speaks or stands beside a person (`Starmer said`, `Sunak and Badenoch`)
            let beside = |j: Option<usize>| {
                tag_at(path, j).and_then(tag_label) == Some(crate::Label::Person)
            };
            // (not a weekday: `Officials who met on Monday said` gave the PERSON `Monday`)
            if own & GAZ_LAST != 0
                && own & GAZ_PLACE == 0
                && tag_label(path[k]) != Some(crate::Label::Person)
                && !res.clusters.contains_key(key.as_str())
                && crate::figures::lexicon::weekday(&key).is_none()
                && (is_any(i + 1, SPEECH_VERBS)
                    || (i > 0 && is(i - 1, "and") && beside(i.checked_sub(2)))
                    || (is(i + 1, "and") && beside(Some(i + 2))))
            {
                path[k] = person;
            }
            continue;
        };
        key.truncate(word);
        let company = if path[k] == 0 {
            // untagged: a company unless a common word (`Now`, `Next`, `Target`, `Apple`: the cluster table
            // knows it in lowercase) without a company's verb after it
            !res.clusters.contains_key(key.as_str()) || business(i)
        } else {
            // tagged otherwise: a word listed only as a company (`Amazon`, `Tesla`), with a company's verb
            // or an auxiliary after it (`Tesla would build`) or next to another organisation (`Google and
            // Amazon`)
            let beside_org = |j: Option<usize>| tag_at(path, j) == Some(org);
            (own | mask) & (GAZ_PLACE | GAZ_FIRST | GAZ_LAST) == 0
                && (business(i)
                    || is_any(i + 1, AUXILIARIES)
                    || (i > 0 && is(i - 1, "and") && beside_org(i.checked_sub(2)))
                    || (is(i + 1, "and") && beside_org(Some(i + 2))))
        };
        if company {
            path[k] = org;
        }
    }
}

/// Auxiliaries after a word listed only as a company that make it one (`Tesla would build`), lowercase.
/// (Not `is`, `was`, `has`: `Tesla was a genius` is the inventor.)
const AUXILIARIES: &[&str] = &["would", "will", "could", "can"];

/// Words after a person's name that make it one (`Starmer said`), lowercase.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "argued",
    "insisted",
    "wrote",
    "tweeted",
    "admitted",
    "claimed",
    "stressed",
    "noted",
    "replied",
    "responded",
    "explained",
    "urged",
    "vowed",
    "promised",
    "criticised",
    "criticized",
    "accused",
    "met",
    "visited",
    "resigned",
];

/// Words after a company's name that make it one (`Apple unveils`, `Tesla recalls`), lowercase.
const BUSINESS_VERBS: &[&str] = &[
    "unveils",
    "unveiled",
    "announces",
    "announced",
    "reports",
    "reported",
    "posts",
    "posted",
    "launches",
    "launched",
    "releases",
    "released",
    "recalls",
    "recalled",
    "buys",
    "bought",
    "acquires",
    "acquired",
    "sells",
    "sold",
    "cuts",
    "hires",
    "hired",
    "fires",
    "fired",
    "sues",
    "sued",
    "invests",
    "invested",
    "employs",
    "employed",
    "delays",
    "delayed",
    "shares",
    "stock",
    "plans",
    "planned",
    "warns",
    "warned",
    "raises",
    "lowers",
    "lowered",
    "expects",
    "denies",
    "denied",
    "confirms",
    "confirmed",
    "says",
    "said",
    "shipped",
    "ships",
    "opens",
    "closes",
    "files",
    "filed",
    "agrees",
    "agreed",
    "settles",
    "settled",
    "slashes",
    "slashed",
    "lays",
    "laid",
];

/// Nouns after a company's possessive (`Amazon’s shares`), lowercase.
const BUSINESS_NOUNS: &[&str] = &[
    "shares",
    "stock",
    "profit",
    "profits",
    "revenue",
    "revenues",
    "sales",
    "earnings",
    "chief",
    "ceo",
    "founder",
    "boss",
    "executives",
    "board",
    "stake",
    "headquarters",
    "employees",
    "workers",
    "app",
    "platform",
    "website",
    "devices",
    "shareholders",
    "investors",
    "subsidiary",
    "brand",
];

/// Names that begin with a capitalised `The` (GUIDE section 1: `The Hague`), lowercase, without the `The`:
/// it is kept at the start of a sentence, and added when the tagger left it outside.
const THE_NAMES: &[&str] = &[
    "hague",
    "gambia",
    "bahamas",
    "economist",
    "guardian",
    "times",
    "independent",
    "telegraph",
    "atlantic",
    "observer",
    "new york times",
    "washington post",
    "wall street journal",
    "new yorker",
    "new republic",
    "boston globe",
    "daily telegraph",
    "sunday times",
    "financial times",
    "globe and mail",
];

/// The longest name kept, in tokens. The longest in OntoNotes 5 train are titles of works and laws of 15 to 22
/// tokens (20 names) and one law of 28; CoNLL-2003's longest has 10.
const MAX_NAME_TOKENS: usize = 30;

/// Courtesy titles before a name, which make it a person's (`Mrs Jones`).
const COURTESY_TITLES: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Mx", "Mx.", "Dr", "Dr.", "Sir", "Dame", "Prof",
    "Prof.",
];

/// Other titles before a person's name (GUIDE section 1: not part of it), capitalised as in running text. Not
/// the styles of royalty and popes, which OntoNotes keeps as part of the name (`Prince Charles`, `Queen
/// Elizabeth`, `Pope John Paul II` in dev).
const TITLES: &[&str] = &[
    "Professor",
    "President",
    "Pres.",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Governor",
    "Gov.",
    "Mayor",
    "Chancellor",
    "Premier",
    "Minister",
    "Judge",
    "Justice",
    "Rev.",
    "Reverend",
    "Gen.",
    "Col.",
    "Capt.",
    "Lt.",
    "Sgt.",
    "Adm.",
    "Maj.",
    "Cardinal",
    "Archbishop",
    "Bishop",
    "Ayatollah",
    "Commissioner",
    "Secretary",
    "Ambassador",
    "Coach",
];

/// The number of title tokens at the start of the span `first..=last` (`Prime Minister`, `Vice President`,
/// `Mr`, `Senator`), leaving at least one capitalised word; and whether they include a courtesy title.
/// Lowercase nouns that describe an organisation and never begin its name, so that the name after them is an
/// organisation's (`carmaker Stellantis`, `Lender NatWest`, `the regulator Ofgem`). Not those that also
/// describe people or things (`broker`, `publisher`, `miner`, `brewer`, `carrier` as in `the aircraft
/// carrier Carl Vinson`).
const ORG_DESCRIPTORS: &[&str] = &[
    "carmaker",
    "automaker",
    "chipmaker",
    "drugmaker",
    "lender",
    "retailer",
    "insurer",
    "reinsurer",
    "regulator",
    "watchdog",
    "broadcaster",
    "supermarket",
    "grocer",
    "conglomerate",
    "startup",
    "start-up",
    "manufacturer",
    "bookmaker",
    "housebuilder",
    "homebuilder",
    "outsourcer",
    "airline",
    "firm",
    "company",
    "brokerage",
    "e-tailer",
    "telco",
    "utility",
    "charity",
    "newspaper",
    "tabloid",
    "streamer",
];

/// How many leading tokens of the name `first..=last` are a description of an organisation
/// ([`ORG_DESCRIPTORS`], capitalised at a sentence start: `Carmaker Stellantis said`), and the label the name
/// then takes: an organisation, also when the description is the word just before it (`regulator Ofgem said`
/// gave a PERSON). A name of more than four words keeps its label (`the firm Ernst & Young Global Ltd`).
fn org_descriptor(
    doc: &Document<'_>,
    s: &std::ops::Range<usize>,
    first: usize,
    last: usize,
    label: crate::Label,
) -> (usize, crate::Label) {
    let is_descriptor = |i: usize| {
        ORG_DESCRIPTORS
            .iter()
            .any(|d| doc.token_text(i).eq_ignore_ascii_case(d))
    };
    if last > first && last - first < 5 && is_descriptor(first) {
        return (1, crate::Label::Org);
    }
    let before = first.checked_sub(1).filter(|b| s.contains(b));
    if let Some(b) = before {
        if last - first < 4 && doc.token_text(b).starts_with(char::is_lowercase) && is_descriptor(b)
        {
            return (0, crate::Label::Org);
        }
    }
    (0, label)
}

fn title_len(
    doc: &Document<'_>,
    first: usize,
    last: usize,
    res: &resources::Resources,
) -> (usize, bool) {
    // a company named with a courtesy title (`Dr Pepper`, `Mr. Coffee`) keeps it
    let company = || {
        let key = doc.text[doc.tokens[first].start..doc.tokens[last].end].to_lowercase();
        res.gazetteer
            .get(key.as_str())
            .is_some_and(|m| m & resources::GAZ_COMPANY != 0)
    };
    let mut k = first;
    let mut courtesy = false;
    while k < last {
        let w = doc.token_text(k);
        let two = matches!(
            (w, doc.token_text(k + 1)),
            ("Prime", "Minister") | ("Vice", "President")
        );
        let n = if two {
            2
        } else if COURTESY_TITLES.contains(&w) {
            if company() {
                break;
            }
            courtesy = true;
            1
        } else if TITLES.contains(&w) {
            1
        } else {
            break;
        };
        if k + n > last || !doc.token_text(k + n).starts_with(char::is_uppercase) {
            break;
        }
        k += n;
    }
    (k - first, courtesy && k > first)
}

/// Organisations whose own name ends in a possessive `'s` (the word before it, lowercase).
const OWN_POSSESSIVE: &[&str] = &[
    "moody",
    "mcdonald",
    "sainsbury",
    "kellogg",
    "macy",
    "domino",
    "wendy",
    "lloyd",
    "christie",
    "sotheby",
    "dillard",
    "kohl",
    "denny",
    "hardee",
    "applebee",
    "harrah",
    "poor",
    "friendly",
    "chili",
    "joe",
    "jerry",
    "carl",
    "claire",
    "dunkin",
    "barclay",
    "boscov",
    "lowe",
    "kiehl",
    "levi",
    "dick",
    "bojangles",
];

/// Trims a tagged span of tokens `first..=last` to the GUIDE's conventions: no leading `the` (OntoNotes
/// sometimes includes it; a capitalised `The` inside a sentence is kept: `The Hague`), no trailing clitic
/// (`’s`) or apostrophe, except an organisation's own `'s`. Returns `first > last` when nothing is left.
fn trim(
    doc: &Document<'_>,
    mut first: usize,
    mut last: usize,
    sentence_start: bool,
    label: crate::Label,
) -> (usize, usize) {
    use crate::text::TokenKind;
    if first < last {
        let w = doc.token_text(first);
        let rest = || doc.text[doc.tokens[first + 1].start..doc.tokens[last].end].to_lowercase();
        if w == "the"
            || w == "THE"
            || (w == "The" && sentence_start && !THE_NAMES.contains(&rest().as_str()))
        {
            first += 1;
        }
    }
    // `Moody's`, `McDonald's`, `Sainsbury's`: an organisation whose name is a possessive keeps its `'s`
    // (GUIDE section 1 rules out a trailing `'s` for people). Only for the names in `OWN_POSSESSIVE`: the
    // tagger also keeps it in plain possessives (`Apple's lawyers`). Dev scores are unchanged either way.
    if label == crate::Label::Org
        && last > first
        && matches!(doc.token_text(last), "'s" | "’s")
        && OWN_POSSESSIVE.contains(&doc.token_text(last - 1).to_lowercase().as_str())
    {
        return (first, last);
    }
    while last >= first
        && (doc.tokens[last].kind == TokenKind::Clitic
            || matches!(doc.token_text(last), "'" | "’" | "\"" | "”"))
    {
        if last == 0 {
            return (1, 0);
        }
        last -= 1;
    }
    (first, last)
}
