//! Putting names and figures together: document-level consistency, overlaps resolved, mentions of one thing
//! grouped.
//!
//! The tagger decides each sentence on its own; an article, though, names the same things again and again.
//! So, before overlaps are resolved:
//!
//! 0. **One name, not two**: a one-word nationality right before an organisation is part of its name
//!    (`Russian Defense Ministry` is one ORG, GUIDE section 1), where the corpora split it.
//! 1. **Labels agree**: an unsure mention (score below 0.75) of a name (compared without case and diacritics)
//!    takes the label that the document's mentions of it give with at least twice its own total confidence,
//!    and a lone surname (`Nazarbayev`) leans to PERSON when the document names the person in full
//!    (`Nursultan Nazarbayev`). Sure mentions keep their label: the same string can name two things
//!    (`Somerset` the county and the cricket team), and the tagger already sees, through its prediction-history
//!    features, what earlier sentences said of the word.
//! 2. **Acronyms**: `Collective Security Treaty Organization (CSTO)` introduces `CSTO` with the label of the
//!    long form.
//! 3. **Repeats are found**: a capitalised token sequence that the document tags elsewhere as a name (or a
//!    surname of a person named in full) is a name here too, where the tagger missed it.
//!
//! After overlaps are resolved, names get a `group` number: mentions of one thing (the same name, a surname or
//! first name of a full name, an acronym and its long form) share it. Numbers start at 1 in order of first
//! mention. Figures get no group.

use crate::names::hash::FxHashMap as HashMap;
use crate::text::{Document, TokenKind};
use crate::{Entity, Label};
use std::collections::BTreeMap;

/// Merges the names and the figures of a document into one sorted, non-overlapping list.
///
/// Where a name and a figure overlap, the longer span wins (`247 News Agency` is an ORG, not a NUMBER followed
/// by words); on equal length the name wins, unless the figure is a holiday or an amount with its unit.
pub fn resolve(doc: &Document<'_>, names: Vec<Entity>, figures: Vec<Entity>) -> Vec<Entity> {
    let mut names = make_consistent(doc, names);
    // a holiday is no person, place or organisation (`Eid al-Fitr` was a PERSON): a date
    for e in names
        .iter_mut()
        .filter(|e| matches!(e.label, Label::Person | Label::Place | Label::Org))
    {
        if let Some(value) = crate::figures::extra::holiday(&e.text) {
            e.label = Label::Date;
            e.value = value;
            e.group = None;
        }
    }
    // holidays the figures found win over a name of the same span (`Thanksgiving` as MISC); sorted, as the
    // figures come
    let holidays: Vec<(usize, usize)> = figures
        .iter()
        .filter(|e| e.label == Label::Date && crate::figures::extra::holiday(&e.text).is_some())
        .map(|e| (e.start, e.end))
        .collect();
    // so do amounts with their unit (`4pc` was a PLACE): a name is never just an amount of money, a
    // percentage or a measure; nor a fiscal period's code (`FY27` was a MISC), nor an ordinal in digits
    // (`his 201st appearance` was an ORG)
    let rank = |e: &Entity| {
        if e.label.is_name() {
            1
        } else if holidays.binary_search(&(e.start, e.end)).is_ok()
            || matches!(e.label, Label::Percent | Label::Money | Label::Quantity)
            || (e.label == Label::Date && fiscal_code(&e.text))
            || (e.label == Label::Ordinal && e.text.starts_with(|c: char| c.is_ascii_digit()))
        {
            2
        } else {
            0
        }
    };
    let mut all: Vec<Entity> = names.into_iter().chain(figures).collect();
    // Longest first, then holidays, names, other figures, then by position, so a greedy pass keeps the
    // preferred spans.
    all.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(rank(b).cmp(&rank(a)))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Entity> = Vec::with_capacity(all.len());
    // Disjoint intervals kept so far, start -> end. A tree, not a sorted Vec: inserting into a Vec moves its
    // tail, which made a document of a few megabytes (hundreds of thousands of entities) quadratic.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    for e in all {
        // The interval starting before e.end with the greatest start is the only one that can overlap e.
        let free = taken
            .range(..e.end)
            .next_back()
            .map_or(true, |(_, &end)| end <= e.start);
        if free && e.start < e.end {
            taken.insert(e.start, e.end);
            kept.push(e);
        }
    }
    kept.sort_by_key(|e| e.start);
    group(doc, &mut kept);
    kept
}

/// A fiscal period written as a code: `FY27`, `FY2025-26`, `Q3`, `H1`.
fn fiscal_code(text: &str) -> bool {
    let rest = text
        .strip_prefix("FY")
        .or_else(|| text.strip_prefix('Q'))
        .or_else(|| text.strip_prefix('H'));
    rest.is_some_and(|r| {
        r.starts_with(|c: char| c.is_ascii_digit())
            && r.bytes()
                .all(|b| b.is_ascii_digit() || b == b'-' || b == b'/')
    })
}

/// A comparison key: lowercase, diacritics removed, curly apostrophes straightened.
///
/// ```
/// use article_annotator::mentions::fold_key;
/// assert_eq!(fold_key("Nazarbáyev"), fold_key("Nazarbayev"));
/// assert_eq!(fold_key("Nazarba\u{301}yev"), "nazarbayev");
/// ```
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold_key`] into a reused buffer (cleared first).
fn fold_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
        return;
    }
    for c in s.chars() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        let base = match c {
            'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => 'a',
            'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' => 'c',
            'Ď' | 'ď' | 'Đ' | 'đ' => 'd',
            'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => {
                'e'
            }
            'Ğ' | 'ğ' | 'Ģ' | 'ģ' => 'g',
            'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'Į' | 'į' | 'İ' | 'ı' => 'i',
            'Ķ' | 'ķ' => 'k',
            'Ł' | 'ł' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' => 'l',
            'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' | 'Ņ' | 'ņ' => 'n',
            'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' => 'o',
            'Ř' | 'ř' => 'r',
            'Ś' | 'ś' | 'Š' | 'š' | 'Ş' | 'ş' | 'Ș' | 'ș' => 's',
            'Ť' | 'ť' | 'Ţ' | 'ţ' | 'Ț' | 'ț' => 't',
            'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' | 'Ų' | 'ų' => {
                'u'
            }
            'Ý' | 'ý' | 'ÿ' | 'Ÿ' => 'y',
            'Ź' | 'ź' | 'Ž' | 'ž' | 'Ż' | 'ż' => 'z',
            '’' | '‘' => '\'',
            _ => c,
        };
        out.extend(base.to_lowercase());
    }
}

/// The folded word tokens of a span (punctuation left out).
/// Particles of people's names, not names on their own (`da` of `Lula da Silva`).
const PARTICLES: &[&str] = &[
    "da", "de", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "bin",
    "ibn", "al", "el", "la", "le",
];

fn span_words(doc: &Document<'_>, start: usize, end: usize) -> Vec<String> {
    let first = doc.tokens.partition_point(|t| t.end <= start);
    doc.tokens[first..]
        .iter()
        .take_while(|t| t.start < end)
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| fold_key(t.text(doc.text)))
        .collect()
}

fn token_range(doc: &Document<'_>, start: usize, end: usize) -> std::ops::Range<usize> {
    let a = doc.tokens.partition_point(|t| t.end <= start);
    let b = doc.tokens.partition_point(|t| t.start < end);
    a..b.max(a)
}

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_acronym(s: &str) -> bool {
    let n = s.chars().count();
    (2..=8).contains(&n)
        && s.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
        && s.chars().any(|c| c.is_alphabetic())
}

/// An acronym that keeps a joining word's initial in lowercase: `BoE` (Bank of England), `DoJ`, `MoD`, `DfT`.
fn is_mixed_acronym(s: &str) -> bool {
    let b = s.as_bytes();
    (3..=5).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b[b.len() - 1].is_ascii_uppercase()
        && b.iter().all(u8::is_ascii_alphabetic)
        && b.iter().filter(|c| c.is_ascii_lowercase()).count() == 1
}

/// Words before a storm's name (`Hurricane Milton`, `Typhoon Haiyan`).
const STORMS: &[&str] = &[
    "Hurricane",
    "Typhoon",
    "Cyclone",
    "Storm",
    "HURRICANE",
    "TYPHOON",
    "CYCLONE",
    "STORM",
];

/// Legal and generic endings that are not a short form of a company's name (`Inc` of `Halvorsen Motors Inc`).
const ORG_SUFFIXES: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "co",
    "co.",
    "ltd",
    "ltd.",
    "plc",
    "llc",
    "ag",
    "sa",
    "nv",
    "se",
    "group",
    "holdings",
    "company",
    "corporation",
    "limited",
    "gmbh",
    "fc",
    "cf",
    "ac",
];

/// The keys under which a multi-word organisation's name is also known: its proper prefixes (`halvorsen`,
/// `halvorsen motors` of `Halvorsen Motors Inc`) and, for two words, its last word (`city` of `Manchester
/// City`), never a stop word or a legal suffix alone.
fn org_short_forms(words: &[String]) -> impl Iterator<Item = String> + '_ {
    let n = words.len();
    let ok = |w: &String| !STOP.contains(&w.as_str()) && !ORG_SUFFIXES.contains(&w.as_str());
    let prefixes = (1..n)
        .filter(move |&k| n >= 2 && ok(&words[0]) && ok(&words[k - 1]))
        .map(move |k| words[..k].join(" "));
    let last = (n == 2 && ok(&words[1])).then(|| words[1].clone());
    prefixes.chain(last)
}

/// A coarse script of a name, from its first letter: Latin (with its diacritics), Greek, Cyrillic, Armenian,
/// Hebrew, Arabic, or other (by the letter's Unicode block).
fn script(s: &str) -> u32 {
    let c = s
        .chars()
        .find(|c| c.is_alphabetic())
        .map_or(0, |c| c as u32);
    match c {
        0..=0x24f | 0x1e00..=0x1eff => 0,
        0x370..=0x3ff => 1,
        0x400..=0x52f => 2,
        0x530..=0x58f => 3,
        0x590..=0x5ff => 4,
        0x600..=0x6ff | 0x750..=0x77f => 5,
        c => 6 + (c >> 8),
    }
}

const STOP: &[&str] = &[
    "of", "the", "and", "for", "&", "de", "du", "des", "la", "le", "in", "on", "to", "a",
];

/// Initials of the capitalised words of a name (`Collective Security Treaty Organization` -> `csto`).
fn initials(words: &[String], original: &str) -> String {
    let _ = original;
    words
        .iter()
        .filter(|w| !STOP.contains(&w.as_str()))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// A full name at least this confident makes its surname a person elsewhere in the document.
const SURE_PERSON: f32 = 0.9;
/// A mention at least this sure of its own label keeps it.
const KEEP_OWN_LABEL: f32 = 0.95;

/// Steps 1-3 of the module documentation: label agreement, acronyms, repeats.
pub fn make_consistent(doc: &Document<'_>, mut names: Vec<Entity>) -> Vec<Entity> {
    if names.is_empty() {
        return names;
    }
    names.sort_by_key(|e| e.start);
    // 0. GUIDE section 1: `Russian Defense Ministry` is one ORG, not MISC + ORG.
    let mut merged: Vec<Entity> = Vec::with_capacity(names.len());
    for e in names {
        if let Some(prev) = merged.last_mut() {
            let gap = &doc.text[prev.end.min(e.start)..e.start];
            if prev.label == Label::Misc
                && e.label == Label::Org
                && gap == " "
                && token_range(doc, prev.start, prev.end).len() == 1
                && e.text
                    .split(' ')
                    .next()
                    .is_some_and(|w| is_capitalised(w) && w.chars().any(|c| c.is_lowercase()))
            {
                prev.end = e.end;
                prev.text = doc.text[prev.start..prev.end].to_string();
                prev.label = Label::Org;
                prev.score = prev.score.min(e.score);
                continue;
            }
        }
        merged.push(e);
    }
    // Storms are named events: `Hurricane Milton` is one MISC (OntoNotes train: `Hurricane X` is one event in
    // 58 of its 59 occurrences), where the tagger often tags the bare name a person.
    for e in merged.iter_mut() {
        let r = token_range(doc, e.start, e.end);
        if r.len() > 1 && STORMS.contains(&doc.token_text(r.start)) {
            e.label = Label::Misc;
            continue;
        }
        // The storm word right before the name (one space between), and `Tropical` before `Storm`.
        let joined =
            |k: usize, next: usize| &doc.text[doc.tokens[k].end..doc.tokens[next].start] == " ";
        let mut first = r.start;
        if first > 0 && STORMS.contains(&doc.token_text(first - 1)) && joined(first - 1, first) {
            first -= 1;
            if first > 0
                && doc.token_text(first) == "Storm"
                && doc.token_text(first - 1) == "Tropical"
                && joined(first - 1, first)
            {
                first -= 1;
            }
            e.start = doc.tokens[first].start;
            e.text = doc.text[e.start..e.end].to_string();
            e.label = Label::Misc;
        }
    }
    let mut names = merged;
    // 2. Acronyms introduced in parentheses right after a name.
    let mut added = Vec::new();
    for e in &names {
        let r = token_range(doc, e.start, e.end);
        let (o, a, c) = (r.end, r.end + 1, r.end + 2);
        if c < doc.tokens.len() && doc.token_text(o) == "(" && doc.token_text(c) == ")" {
            let acr = doc.tokens[a];
            let t = doc.token_text(a);
            // `names` is sorted and disjoint: only the first name ending after the acronym's start can overlap it.
            let k = names.partition_point(|n| n.end <= acr.start);
            let overlaps = names.get(k).is_some_and(|n| n.start < acr.end);
            if is_acronym(t) && !overlaps {
                added.push(Entity {
                    start: acr.start,
                    end: acr.end,
                    label: e.label,
                    text: t.to_string(),
                    score: e.score,
                    group: None,
                    value: None,
                });
            }
        }
    }
    names.extend(added);
    // 1. Label agreement by total confidence per folded text.
    let keys: Vec<String> = names.iter().map(|e| fold_key(&e.text)).collect();
    let mut votes: HashMap<&str, [f32; 4]> = HashMap::default();
    let li = |l: Label| {
        [Label::Person, Label::Place, Label::Org, Label::Misc]
            .iter()
            .position(|&x| x == l)
    };
    for (e, k) in names.iter().zip(&keys) {
        if let Some(i) = li(e.label) {
            votes.entry(k.as_str()).or_default()[i] += e.score.max(0.01);
        }
    }
    // Surnames and first names of people named in full, and the surnames of those named confidently.
    let mut person_parts: HashMap<String, f32> = HashMap::default();
    let mut surnames: HashMap<String, ()> = HashMap::default();
    for e in names.iter().filter(|e| e.label == Label::Person) {
        let w = span_words(doc, e.start, e.end);
        if w.len() >= 2 {
            for part in [&w[0], &w[w.len() - 1]] {
                if part.chars().count() > 1 {
                    *person_parts.entry(part.clone()).or_default() += e.score.max(0.01);
                }
            }
            if e.score >= SURE_PERSON && w[w.len() - 1].chars().count() > 1 {
                surnames.insert(w[w.len() - 1].clone(), ());
            }
        }
    }
    const LABELS: [Label; 4] = [Label::Person, Label::Place, Label::Org, Label::Misc];
    let mut relabel = Vec::with_capacity(names.len());
    for (e, k) in names.iter().zip(&keys) {
        let mut v = votes.get(k.as_str()).copied().unwrap_or_default();
        if let Some(&p) = person_parts.get(k.as_str()) {
            v[0] += p;
        }
        let best = (0..4).fold(0, |b, i| if v[i] > v[b] { i } else { b });
        // Only an unsure mention gives way, and only to a clear majority: the same string can name two
        // things (`Somerset` the county and the cricket team), and the tagger already sees what earlier
        // sentences said of the word.
        let own = li(e.label).map_or(0.0, |i| v[i]);
        let gives_way = e.score < 0.75 && v[best] >= 2.0 * own;
        relabel.push(if e.label.is_name() && v[best] > 0.0 && gives_way {
            LABELS[best]
        } else {
            e.label
        });
    }
    for (e, l) in names.iter_mut().zip(relabel) {
        e.label = l;
    }
    // A one-word name that is the surname of a person the document names in full, confidently, is that
    // person (`Trump met Biden. ... Donald Trump left.`: the tagger gave the first `Trump`s ORG), unless the
    // tagger was nearly sure of its own label (`Washington` the city beside George Washington). The surnames
    // were collected before the relabelling above, which never touches a mention of SURE_PERSON confidence
    // (only those under 0.75 give way).
    if !surnames.is_empty() {
        for (e, k) in names.iter_mut().zip(&keys) {
            if e.label != Label::Person
                && e.label.is_name()
                && e.score < KEEP_OWN_LABEL
                && surnames.contains_key(k.as_str())
            {
                e.label = Label::Person;
            }
        }
    }
    // An unsure one-word PERSON that begins an organisation the document names confidently in full, and is
    // no part of a person's name, is that organisation (`Halvorsen Motors Inc said Halvorsen would hire`:
    // the tagger gave the second `Halvorsen` PERSON 0.70). Not places (`Chicago` of `Chicago Board of
    // Trade`) nor nationalities: on OntoNotes dev that relabelled 12 right places and nationalities.
    let org_heads: HashMap<String, ()> = names
        .iter()
        .filter(|e| e.label == Label::Org && e.score >= SURE_PERSON)
        .filter_map(|e| {
            let w = span_words(doc, e.start, e.end);
            (w.len() >= 2 && !STOP.contains(&w[0].as_str()) && w[0].chars().count() > 1)
                .then(|| (w[0].clone(), ()))
        })
        .collect();
    if !org_heads.is_empty() {
        for (e, k) in names.iter_mut().zip(&keys) {
            if e.label == Label::Person
                && e.score < 0.75
                && org_heads.contains_key(k.as_str())
                && !person_parts.contains_key(k.as_str())
            {
                e.label = Label::Org;
            }
        }
    }
    // 3. Repeats the tagger missed: capitalised token sequences equal to a confident name of the document.
    // Folded tokens, label and best confidence of each name worth looking for again.
    type Known = (Vec<String>, Label, f32);
    let mut known: HashMap<String, Known> = HashMap::default();
    for e in &names {
        let r = token_range(doc, e.start, e.end);
        let toks: Vec<String> = r.clone().map(|i| fold_key(doc.token_text(i))).collect();
        if toks.is_empty()
            || !is_capitalised(&e.text)
            || e.score < 0.5
            || e.text.chars().count() < 2
        {
            continue;
        }
        let entry = known.entry(toks.join(" ")).or_insert((toks, e.label, 0.0));
        entry.2 = entry.2.max(e.score);
    }
    for (part, &s) in &person_parts {
        known
            .entry(part.clone())
            .or_insert((vec![part.clone()], Label::Person, s.min(1.0)));
    }
    let mut by_first: HashMap<&str, Vec<&Known>> = HashMap::default();
    for v in known.values() {
        by_first.entry(v.0[0].as_str()).or_default().push(v);
    }
    for v in by_first.values_mut() {
        v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    }
    if by_first.is_empty() {
        names.sort_by_key(|e| e.start);
        return names;
    }
    let mut covered = vec![false; doc.tokens.len()];
    for e in &names {
        for i in token_range(doc, e.start, e.end) {
            covered[i] = true;
        }
    }
    let mut found = Vec::new();
    // A capitalised word (the first byte decides for ASCII, the common case).
    let capword = |i: usize| {
        doc.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word
                && match doc.text.as_bytes()[t.start] {
                    b if b.is_ascii() => b.is_ascii_uppercase(),
                    _ => is_capitalised(t.text(doc.text)),
                }
        })
    };
    let mut f = String::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        if covered[i] || !capword(i) {
            i += 1;
            continue;
        }
        fold_into(doc.token_text(i), &mut f);
        let mut matched = 0;
        if let Some(cands) = by_first.get(f.as_str()) {
            for (toks, label, score) in cands {
                let n = toks.len();
                if i + n > doc.tokens.len() || (i..i + n).any(|k| covered[k]) {
                    continue;
                }
                // toks[0] is the key just looked up.
                if (1..n).all(|k| fold_key(doc.token_text(i + k)) == toks[k]) {
                    // Not glued to more capitalised words (`Nazarbayev Street` is something else).
                    let next_cap = capword(i + n);
                    if next_cap && n == 1 {
                        continue;
                    }
                    let (a, b) = (doc.tokens[i].start, doc.tokens[i + n - 1].end);
                    found.push(Entity {
                        start: a,
                        end: b,
                        label: *label,
                        text: doc.text[a..b].to_string(),
                        score: score * 0.9,
                        group: None,
                        value: None,
                    });
                    matched = n;
                    break;
                }
            }
        }
        i += matched.max(1);
    }
    names.extend(found);
    names.sort_by_key(|e| e.start);
    names
}

/// Gives every name a group number (see the module documentation); `entities` are sorted and disjoint.
///
/// Candidate groups are found through indexes (exact key, acronym/initials, a person's first and last
/// words), so long documents with many names stay linear.
pub fn group(doc: &Document<'_>, entities: &mut [Entity]) {
    struct Group {
        mentions: Vec<Vec<String>>,
    }
    let mut groups: Vec<Group> = Vec::new();
    // Keys to their group, per name label (PERSON, PLACE, ORG, MISC): looked up by `&str`, no key copies.
    type ByLabel = HashMap<String, [Option<usize>; 4]>;
    let li = |l: Label| {
        [Label::Person, Label::Place, Label::Org, Label::Misc]
            .iter()
            .position(|&x| x == l)
            .unwrap_or(3)
    };
    let get = |m: &ByLabel, l: Label, k: &str| m.get(k).and_then(|a| a[li(l)]);
    let put = |m: &mut ByLabel, l: Label, k: String, g: usize| {
        m.entry(k).or_default()[li(l)].get_or_insert(g);
    };
    let mut exact: ByLabel = HashMap::default();
    // Acronyms seen (`csto`) and initials of multi-word mentions, each to its group.
    let mut acronyms: ByLabel = HashMap::default();
    let mut initials_of: ByLabel = HashMap::default();
    // Short forms of organisations' multi-word names (see `org_short_forms`), each to its group.
    let mut org_parts: ByLabel = HashMap::default();
    // First and last words of people's mentions to their groups.
    let mut person_words: HashMap<String, Vec<usize>> = HashMap::default();
    // Middle words of people's long names (four words or more, as Portuguese and Spanish names go) to their
    // groups: `Lula` of `Luiz Inácio Lula da Silva`.
    let mut middle_words: HashMap<String, usize> = HashMap::default();
    let middles = |ws: &[String]| -> Vec<String> {
        if ws.len() < 4 {
            return Vec::new();
        }
        ws[1..ws.len() - 1]
            .iter()
            .filter(|w| w.chars().count() > 3 && !PARTICLES.contains(&w.as_str()))
            .cloned()
            .collect()
    };
    let mut prev_name: Option<(usize, usize, Label)> = None; // (end token index, group, label)
    for e in entities.iter_mut() {
        if !e.label.is_name() {
            continue;
        }
        let words = span_words(doc, e.start, e.end);
        let r = token_range(doc, e.start, e.end);
        let key = words.join(" ");
        let acr = (is_acronym(&e.text) || is_mixed_acronym(&e.text))
            .then(|| fold_key(&e.text).replace('.', ""));
        let init = (words.len() >= 2).then(|| initials(&words, ""));
        // with the joining words' initials too, as `BoE` and `DoJ` write them
        let init_all =
            (words.len() >= 3 && words.iter().any(|w| STOP.contains(&w.as_str()))).then(|| {
                words
                    .iter()
                    .filter_map(|w| w.chars().next())
                    .collect::<String>()
            });
        let mut found = None;
        // An acronym, or the same name in another script (`Vladimir Putin (Владимир Путин)`), in parentheses
        // right after a name of the same label.
        if let Some((end, g, label)) = prev_name {
            let other_script =
                || script(&e.text) != script(&doc.text[doc.tokens[end].start..doc.tokens[end].end]);
            if r.start == end + 2
                && doc.token_text(end + 1) == "("
                && label == e.label
                && (acr.is_some() || other_script())
            {
                found = Some(g);
            }
        }
        let l = e.label;
        if found.is_none() {
            found = get(&exact, l, &key);
        }
        if found.is_none() {
            if let Some(a) = &acr {
                found = get(&acronyms, l, a).or_else(|| get(&initials_of, l, a));
            }
        }
        if found.is_none() {
            if let Some(i) = &init {
                found = get(&acronyms, l, i);
            }
        }
        // Short forms of an organisation's name, for the lookup below and to be found by later mentions.
        let short_forms: Vec<String> = if l == Label::Org {
            org_short_forms(&words).collect()
        } else {
            Vec::new()
        };
        if found.is_none() && l == Label::Org {
            // A short form of an organisation named in full (`Halvorsen Motors Inc` ... `Halvorsen`,
            // `Manchester City` ... `City`), or the full name after its short form.
            // The full name joins a short form's group only when that group holds nothing but short forms of
            // it (`Halvorsen` ... `Halvorsen Bank` after `Halvorsen Motors Inc` is another company).
            let only_short_forms = |g: usize| {
                groups[g].mentions.iter().all(|m| {
                    words.starts_with(m) || (words.len() == 2 && m.len() == 1 && m[0] == words[1])
                })
            };
            found = get(&org_parts, l, &key).or_else(|| {
                short_forms
                    .iter()
                    .filter_map(|k| get(&exact, l, k))
                    .find(|&g| only_short_forms(g))
            });
        }
        if found.is_none() && l == Label::Person && !words.is_empty() {
            // A part of a full name, or a full name whose part was seen first.
            // (not a father's name in his son's: `Donald Trump` in `Donald Trump Jr.`; the price is that
            // `Martin Luther King` and `Martin Luther King Jr.`, one man, are two groups)
            let generation = |ws: &[String]| {
                ws.last().is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "jr." | "jr" | "sr." | "sr" | "ii" | "iii" | "iv"
                    )
                })
            };
            let part_of = |short: &[String], long: &[String]| {
                short.len() < long.len()
                    && (long.ends_with(short)
                        || (long.starts_with(short) && (generation(short) || !generation(long))))
            };
            let mut cands: Vec<usize> = [&words[0], &words[words.len() - 1]]
                .iter()
                .flat_map(|w| person_words.get(*w).into_iter().flatten().copied())
                .collect();
            cands.sort_unstable();
            cands.dedup();
            found = cands.into_iter().find(|&g| {
                groups[g]
                    .mentions
                    .iter()
                    .any(|m| part_of(&words, m) || part_of(m, &words))
            });
        }
        // a middle word of a long name, seen before or after it (`Lula` and `Luiz Inácio Lula da Silva`)
        let mids = if l == Label::Person {
            middles(&words)
        } else {
            Vec::new()
        };
        if found.is_none() && l == Label::Person {
            found = match words.len() {
                1 => middle_words.get(&words[0]).copied(),
                _ => mids.iter().find_map(|w| {
                    get(&exact, l, w).filter(|&g| {
                        groups[g]
                            .mentions
                            .iter()
                            .all(|m| m.len() == 1 && &m[0] == w)
                    })
                }),
            };
        }
        let g = match found {
            Some(g) => g,
            None => {
                groups.push(Group {
                    mentions: Vec::new(),
                });
                groups.len() - 1
            }
        };
        if !groups[g].mentions.contains(&words) {
            put(&mut exact, l, key, g);
            if let Some(a) = acr {
                put(&mut acronyms, l, a, g);
            }
            if let Some(i) = init {
                put(&mut initials_of, l, i, g);
            }
            if let Some(i) = init_all {
                put(&mut initials_of, l, i, g);
            }
            for k in short_forms {
                put(&mut org_parts, l, k, g);
            }
            for w in mids {
                middle_words.entry(w).or_insert(g);
            }
            if l == Label::Person && !words.is_empty() {
                for w in [&words[0], &words[words.len() - 1]] {
                    let v = person_words.entry(w.clone()).or_default();
                    // A common first name may start many people's names; a few dozen candidates suffice.
                    if v.len() < 32 && !v.contains(&g) {
                        v.push(g);
                    }
                }
            }
            // Bound the work per group: a thing is rarely named in more than a few dozen ways.
            if groups[g].mentions.len() < 64 {
                groups[g].mentions.push(words);
            }
        }
        e.group = Some(g as u32 + 1);
        if r.end > r.start {
            prev_name = Some((r.end - 1, g, l));
        }
    }
}
