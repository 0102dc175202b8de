//! Headlines: sentences written in capitals (`BIDEN AND PUTIN MEET IN GENEVA`) or in Title Case (`Apple
//! Unveils New iPhone At Cupertino Event`) are tagged as if they were written in ordinary case.
//!
//! # Why
//!
//! Capitalisation is the tagger's strongest clue, and a headline gives it wrongly: every word looks like a
//! name (`Apple Unveils New iPhone` came out as one ORG) or none does (`BIDEN AND PUTIN MEET` gave nothing).
//! So, for the tagger only, each word of such a sentence gets the spelling it would have in running text,
//! decided from the word tables the model already carries (no extra data): function words and words the
//! cluster table knows in lowercase only become lowercase; places, countries and companies of the
//! gazetteer, and words it knows capitalised only or not at all, become capitalised (`Biden`, `Putin`,
//! `Geneva`); capitals the table knows as written stay (`FBI`). The entities keep the input's own text.

use super::features::Lexicon;
use super::hash::FxHashMap;
use super::resources::Resources;
use crate::text::{Document, TokenKind};

/// The word types of `doc`'s tokens in `lexicon`, as [`super::features::intern_tokens`], with the words of
/// headline sentences under their running-text spelling ([`spellings`]). Tagging and training both use it.
pub fn intern_tokens(doc: &Document<'_>, lexicon: &mut Lexicon, res: &Resources) -> Vec<u32> {
    match spellings(doc, res) {
        None => super::features::intern_tokens(doc, lexicon, res),
        Some(sp) => {
            let mut buf = String::new();
            sp.iter()
                .enumerate()
                .map(|(i, sp)| {
                    lexicon.intern(
                        sp.as_deref().unwrap_or_else(|| doc.token_text(i)),
                        res,
                        &mut buf,
                    )
                })
                .collect()
        }
    }
}

/// Words that are never names on their own and are capitalised only by headline style.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by",
    "with", "as", "into", "onto", "over", "under", "after", "before", "amid", "against", "about",
    "than", "up", "down", "out", "off", "is", "are", "was", "were", "be", "been", "has", "have",
    "had", "will", "would", "can", "could", "may", "might", "should", "must", "not", "no", "its",
    "his", "her", "their", "our", "your", "it", "he", "she", "they", "we", "you", "this", "that",
    "these", "those", "vs", "via", "per", "says", "said",
];

/// Gazetteer categories (bits of a phrase's mask) that make a single word a name: country, city, region,
/// continent, company.
const NAME_CATEGORIES: u16 = super::resources::GAZ_PLACE | super::resources::GAZ_COMPANY;
/// The first-name category.
const FIRST_NAME: u16 = super::resources::GAZ_FIRST;

/// A sentence's style.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Style {
    Capitals,
    TitleCase,
}

/// The spelling each token should have for the tagger when the document has headline sentences: `None`
/// when it has none (the common case, nothing allocated per token); otherwise one entry per token, `Some`
/// where the spelling differs from the text. A new spelling always has the same length in bytes.
pub fn spellings(doc: &Document<'_>, res: &Resources) -> Option<Vec<Option<String>>> {
    let styles: Vec<Option<Style>> = doc
        .sentences
        .iter()
        .map(|s| style(doc, s.clone()))
        .collect();
    if styles.iter().all(Option::is_none) {
        return None;
    }
    // how the document writes each word in its running text (not at a sentence start): a capitalised
    // spelling seen there wins over a lowercase one
    let mut seen: FxHashMap<String, &str> = FxHashMap::default();
    for (s, st) in doc.sentences.iter().zip(&styles) {
        if st.is_some() {
            continue;
        }
        let first = first_word(doc, s.clone());
        for i in s
            .clone()
            .filter(|&i| i != first && doc.tokens[i].kind == TokenKind::Word)
        {
            let w = doc.token_text(i);
            let e = seen.entry(w.to_lowercase()).or_insert(w);
            if w.starts_with(char::is_uppercase) && !e.starts_with(char::is_uppercase) {
                *e = w;
            }
        }
    }
    let mut out: Option<Vec<Option<String>>> = None;
    for (s, st) in doc.sentences.iter().zip(&styles) {
        let Some(style) = *st else { continue };
        let out = out.get_or_insert_with(|| vec![None; doc.tokens.len()]);
        // right to left, so that an ambiguous first name can look at the decision for the word after it
        let mut next_is_name = false;
        for i in s.clone().rev() {
            let w = doc.token_text(i);
            if doc.tokens[i].kind != TokenKind::Word || !w.starts_with(|c: char| c.is_alphabetic())
            {
                next_is_name = false;
                continue;
            }
            let first = i == first_word(doc, s.clone());
            let spelt = match seen.get(&w.to_lowercase()) {
                Some(sp) if first => Some(capitalise(sp)),
                Some(sp) => Some(sp.to_string()),
                None => respell(w, style, first, next_is_name, res),
            };
            next_is_name = spelt
                .as_deref()
                .unwrap_or(w)
                .starts_with(|c: char| c.is_uppercase())
                && !first;
            if let Some(sp) = spelt.filter(|sp| sp.len() == w.len() && sp != w) {
                out[i] = Some(sp);
            }
        }
    }
    out
}

/// The first word token of a sentence (after quotes or brackets).
fn first_word(doc: &Document<'_>, s: std::ops::Range<usize>) -> usize {
    s.clone()
        .find(|&i| doc.tokens[i].kind == TokenKind::Word)
        .unwrap_or(s.start)
}

/// Whether `w` is one of [`FUNCTION_WORDS`], in any case, without allocating.
fn is_function_word(w: &str) -> bool {
    w.len() <= 7 && FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w))
}

/// Whether sentence `s` is a headline: five or more words, all in capitals, with a function word among
/// them (`AND`, `IN`) and no spaced dash (`SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN` is a wire
/// service's slug line, and a table row such as `SAN DIEGO AT MONTREAL` has four words: the model reads
/// both well as they are); or at least three words after the first, every one of them capitalised (words
/// such as `iPhone` aside), among them a function word (`At`, `And`, `Of`).
fn style(doc: &Document<'_>, s: std::ops::Range<usize>) -> Option<Style> {
    let first = first_word(doc, s.clone());
    // first pass, no allocation: counts
    let (mut letters, mut caps, mut cap_rest, mut low_rest) = (0, 0, 0, 0);
    let mut slug = false;
    for i in s.clone() {
        match doc.tokens[i].kind {
            TokenKind::Punct => slug |= matches!(doc.token_text(i), "-" | "–" | "—" | "--"),
            TokenKind::Word => {
                let w = doc.token_text(i);
                if !w.chars().any(char::is_alphabetic) {
                    continue;
                }
                letters += 1;
                caps += usize::from(!w.chars().any(char::is_lowercase));
                let mut cs = w.chars();
                match cs.next() {
                    _ if i == first => {}
                    Some(c) if c.is_uppercase() => cap_rest += 1,
                    Some(c) if c.is_lowercase() && !cs.any(char::is_uppercase) => low_rest += 1,
                    _ => {}
                }
            }
            _ => {}
        }
        // a word in lowercase: running text (the usual case, decided at its first such word)
        if low_rest > 0 {
            return None;
        }
    }
    let words = || {
        s.clone()
            .filter(|&i| i != first && doc.tokens[i].kind == TokenKind::Word)
            .map(|i| doc.token_text(i))
    };
    if caps == letters && letters >= 5 && !slug {
        return words().any(is_function_word).then_some(Style::Capitals);
    }
    let title_function =
        |w: &str| w.len() > 1 && w.chars().skip(1).all(char::is_lowercase) && is_function_word(w);
    if low_rest == 0 && cap_rest >= 3 && caps * 10 < letters * 7 && words().any(title_function) {
        return Some(Style::TitleCase);
    }
    None
}

/// `w` with its first letter in capitals.
fn capitalise(w: &str) -> String {
    let mut cs = w.chars();
    cs.next().map_or(String::new(), |c| {
        std::iter::once(same_length(c, c.to_uppercase()))
            .chain(cs)
            .collect()
    })
}

/// `c` in the other case (`mapped`) when that is one character of the same length in UTF-8, else `c` itself
/// (`İ` lowercases to two characters): a respelt word keeps its length, so offsets stay those of the text.
fn same_length(c: char, mut mapped: impl Iterator<Item = char>) -> char {
    match (mapped.next(), mapped.next()) {
        (Some(m), None) if m.len_utf8() == c.len_utf8() => m,
        _ => c,
    }
}

/// The running-text spelling of headline word `w`, or `None` to keep it.
fn respell(
    w: &str,
    style: Style,
    first: bool,
    next_is_name: bool,
    res: &Resources,
) -> Option<String> {
    let lower: String = w
        .chars()
        .map(|c| same_length(c, c.to_lowercase()))
        .collect();
    let mut title = String::with_capacity(w.len());
    let mut cs = lower.chars();
    if let Some(c) = cs.next() {
        title.push(same_length(c, c.to_uppercase()));
        title.push_str(cs.as_str());
    }
    let capitalised = |s: String| if first { title.clone() } else { s };
    match style {
        // iPhone, McDonald, eBay: a spelling of its own
        Style::TitleCase if w.chars().skip(1).any(char::is_uppercase) => return None,
        // FBI, US, CEO: capitals the table knows as written, and not as a lowercase word, or not capitalised
        // (`fbi` and `FBI` but no `Fbi`), or two letters (`US`, `UK`). (`NATO` becomes `Nato`, as some
        // newspapers write it: the table also knows `nato` and `Nato`, as it knows `hit`, `Hit` and `HIT`.)
        Style::Capitals
            if w.chars().count() > 1
                && res.clusters.contains_key(w)
                && (!res.clusters.contains_key(lower.as_str())
                    || !res.clusters.contains_key(title.as_str())
                    || w.chars().count() <= 2)
                && !is_function_word(&lower) =>
        {
            return None
        }
        _ => {}
    }
    if is_function_word(&lower) {
        return Some(capitalised(lower));
    }
    let gaz = res.gazetteer.get(lower.as_str()).copied().unwrap_or(0);
    if gaz & NAME_CATEGORIES != 0 || demonym(&lower, res) {
        return Some(title);
    }
    let known_lower = res.clusters.contains_key(lower.as_str());
    let known_title = res.clusters.contains_key(title.as_str());
    let spelt = match (known_lower, known_title) {
        (true, false) => lower,
        (false, true) => title.clone(),
        // both: a common word (capitalised at sentence starts), unless a first name before a name
        (true, true) if gaz & FIRST_NAME != 0 && next_is_name => title.clone(),
        (true, true) => lower,
        // neither: a name, unless it is an inflection of a known lowercase word (`Unveils`, `Fined`)
        (false, false) => {
            let stem_known = ["s", "es", "ed", "d", "ing"].iter().any(|suf| {
                lower
                    .strip_suffix(suf)
                    .is_some_and(|st| st.chars().count() >= 3 && res.clusters.contains_key(st))
            });
            if stem_known {
                lower
            } else {
                title.clone()
            }
        }
    };
    Some(capitalised(spelt))
}

/// A word derived from the name of a country or continent in the gazetteer: `russian`, `kazakh`, `chinese`, `british`, `israeli`.
fn demonym(lower: &str, res: &Resources) -> bool {
    let place = |a: &str, b: &str| {
        let mut k = String::with_capacity(a.len() + b.len());
        k.push_str(a);
        k.push_str(b);
        res.gazetteer
            .get(k.as_str())
            .is_some_and(|m| m & 0b1001 != 0)
    };
    let stem = |suf: &str| lower.strip_suffix(suf).filter(|s| s.len() >= 3);
    lower.len() >= 4
        && (place(lower, "stan")
            || stem("n").is_some_and(|s| place(s, ""))
            || stem("ese").is_some_and(|s| place(s, "a") || place(s, ""))
            || stem("ian").is_some_and(|s| place(s, "") || place(s, "ia"))
            || stem("an").is_some_and(|s| place(s, "a") || place(s, "") || place(s, "e"))
            || stem("ish").is_some_and(|s| place(s, "land") || place(s, "ey") || place(s, "ain"))
            || stem("i").is_some_and(|s| place(s, "") || place(s, "an")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text as the tagger reads it.
    fn respelt(text: &str) -> String {
        let doc = Document::new(text);
        let res = &crate::names::model()
            .expect("the embedded model loads")
            .resources;
        let mut out = text.to_string();
        if let Some(sp) = spellings(&doc, res) {
            for (i, sp) in sp.iter().enumerate() {
                if let Some(sp) = sp {
                    let t = doc.tokens[i];
                    out.replace_range(t.start..t.end, sp);
                }
            }
        }
        out
    }

    #[test]
    fn headlines_get_running_text_spellings() {
        assert_eq!(
            respelt("BIDEN AND PUTIN MEET IN GENEVA"),
            "Biden and Putin meet in Geneva"
        );
        assert_eq!(
            respelt("MERKEL WARNS OF RISING PRICES IN GERMANY"),
            "Merkel warns of rising prices in Germany"
        );
        assert_eq!(
            respelt("Apple Unveils New iPhone At Cupertino Event"),
            "Apple unveils new iPhone at Cupertino event"
        );
        assert_eq!(
            respelt("FBI ARRESTS SUSPECT IN BOSTON AFTER LONG HUNT"),
            "FBI arrests suspect in Boston after long hunt"
        );
        assert_eq!(
            respelt("US AND CHINA AGREE TO RESUME TRADE TALKS"),
            "US and China agree to resume trade talks"
        );
        assert_eq!(
            respelt("TESLA RECALLS 2 MILLION CARS IN CHINA"),
            "Tesla recalls 2 million cars in China"
        );
    }

    #[test]
    fn respelt_words_keep_their_length() {
        // `İ` lowercases to two characters: it stays as it is, the rest of the word is respelt
        let text = "İSTANBUL AND ANKARA MEET IN TÜRKİYE TODAY";
        let out = respelt(text);
        assert_eq!(out.len(), text.len());
        assert_eq!(out, "İstanbul and Ankara meet in Türkİye today");
        assert_eq!(
            respelt("ΑΘΗΝΑ AND ΣΟΦΙΑ MEET IN ÅRHUS").len(),
            "ΑΘΗΝΑ AND ΣΟΦΙΑ MEET IN ÅRHUS".len()
        );
    }

    #[test]
    fn running_text_slug_lines_and_short_rows_are_left_alone() {
        for text in [
            "Angela Merkel met the Siemens board in Paris.",
            "RUGBY - WALES BEAT ITALY IN CARDIFF",
            "DENVER AT BOSTON",
            "The Three Musketeers",
        ] {
            assert_eq!(respelt(text), text);
        }
    }
}
