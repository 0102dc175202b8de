//! Tokens and sentences with exact byte offsets.
//!
//! The name tagger sees the text as tokens, so the tokenizer decides what a model can ever find: a name can
//! only start and end on a token boundary. The rules follow the tokenisation of the news corpora the model is
//! trained on (Penn Treebank style), because the model learns from text re-tokenised by this very code:
//!
//! - whitespace separates tokens and is never part of one;
//! - letters, digits and combining marks make words (`Nazarbáyev`, also when the accent is a combining mark);
//! - abbreviations keep their dots (`U.S.`, `p.m.`, `Jan.`, `Mr.`, initials like `J.`);
//! - numbers keep their separators (`2,000`, `1.5`, `15:30`, `1/6/2022`);
//! - clitics split off (`Putin’s` is `Putin` + `’s`, `don't` is `do` + `n't`);
//! - hyphens split (`Moscow-led` is `Moscow` + `-` + `led`), so a name inside a compound can be found;
//! - every other punctuation mark or symbol is a token of its own; an emoji keeps its modifiers and ZWJ
//!   sequence together.
//!
//! Sentences end at a line break or after `.`, `!`, `?` (and any closing quotes or brackets) followed by
//! whitespace, unless the dot belongs to an abbreviation that is followed by a lowercase word.

pub mod corpus;
pub mod offsets;

use std::ops::Range;

/// Undoes the Penn Treebank escapes and the OntoNotes punctuation tokens of the corpora (`-LRB-` is `(`, `/.` is
/// `.`), exactly as `../shared/eval/bio_to_docs.py` does, so that text built from corpus tokens (for training,
/// evaluation and tests) is the text the reference converter builds.
///
/// ```
/// use article_annotator::text::unescape_treebank;
/// assert_eq!(unescape_treebank("-LRB-"), "(");
/// assert_eq!(unescape_treebank("Almaty"), "Almaty");
/// ```
pub fn unescape_treebank(token: &str) -> &str {
    match token {
        "-LRB-" => "(",
        "-RRB-" => ")",
        "-LSB-" => "[",
        "-RSB-" => "]",
        "-LCB-" => "{",
        "-RCB-" => "}",
        "/." => ".",
        "/?" => "?",
        "/-" => "-",
        t => t,
    }
}

/// The entity spans of one sentence of a corpus, from its tokens' `(start, end, tag)` in any offset unit, as
/// `../shared/eval/bio_to_docs.py` reads them: IOB1, IOB2 and BIOES/BILOU tags (`B-`, `S-`, `U-` open a span,
/// `E-`, `S-`, `L-`, `U-` close one, an `I-` of another type or after `O` opens one). Returns `(start, end,
/// type)`; shared by `annotate eval` and the trainers.
///
/// ```
/// use article_annotator::text::bio_spans;
/// let tags = [(0, 3, "B-PER"), (4, 7, "I-PER"), (8, 9, "O"), (10, 15, "I-LOC")];
/// assert_eq!(bio_spans(tags), [(0, 7, "PER"), (10, 15, "LOC")]);
/// ```
pub fn bio_spans<'t>(
    tags: impl IntoIterator<Item = (usize, usize, &'t str)>,
) -> Vec<(usize, usize, &'t str)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, usize, &str)> = None;
    let mut prev_type: Option<&str> = None;
    for (start, end, tag) in tags {
        let Some((pre, typ)) = tag.split_once('-').filter(|_| tag != "O") else {
            spans.extend(open.take());
            prev_type = None;
            continue;
        };
        if matches!(pre, "B" | "S" | "U") || Some(typ) != prev_type || open.is_none() {
            spans.extend(open.take());
            open = Some((start, end, typ));
        } else if let Some(o) = open.as_mut() {
            o.1 = end;
        }
        if matches!(pre, "E" | "S" | "L" | "U") {
            spans.extend(open.take());
            prev_type = None;
        } else {
            prev_type = Some(typ);
        }
    }
    spans.extend(open);
    spans
}

/// The coarse shape of a token, decided while tokenising.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (and possibly digits or marks): `Kazakhstan`, `U.S.`, `COVID-19`'s `COVID`.
    Word,
    /// Starts with a digit: `2,000`, `1991`, `21st`, `4.5bn`.
    Number,
    /// A clitic split from the preceding word: `'s`, `’s`, `n't`, `'re`.
    Clitic,
    /// A punctuation mark or symbol: `,`, `“`, `$`, `-`, an emoji.
    Punct,
}

/// One token: a byte range of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Start byte offset, inclusive.
    pub start: usize,
    /// End byte offset, exclusive.
    pub end: usize,
    /// The token's coarse shape.
    pub kind: TokenKind,
    /// True when whitespace (or the start of the text) precedes the token.
    pub space_before: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// A text split into tokens and sentences.
#[derive(Clone, Debug)]
pub struct Document<'a> {
    /// The text, as given.
    pub text: &'a str,
    /// The tokens, in order.
    pub tokens: Vec<Token>,
    /// Each sentence as a range of token indices; together they cover every token, in order.
    pub sentences: Vec<Range<usize>>,
}

impl<'a> Document<'a> {
    /// Tokenises `text` and splits it into sentences.
    ///
    /// ```
    /// use article_annotator::text::Document;
    /// let doc = Document::new("Putin’s U.S. trip cost $4.5bn. It ended.");
    /// let words: Vec<&str> = doc.tokens.iter().map(|t| t.text(doc.text)).collect();
    /// assert_eq!(words, ["Putin", "’s", "U.S.", "trip", "cost", "$", "4.5bn", ".", "It", "ended", "."]);
    /// assert_eq!(doc.sentences.len(), 2);
    /// ```
    pub fn new(text: &'a str) -> Document<'a> {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        Document {
            text,
            tokens,
            sentences,
        }
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }
}

/// Abbreviations that keep their final dot (compared without the dot, case-sensitively).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm", "Maj",
    "Rep", "Sen", "Gov", "Pres", "Rev", "Hon", "St", "Ste", "Mt", "Ft", "Jr", "Sr", "Inc", "Corp",
    "Co", "Ltd", "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu",
    "Thur", "Thurs", "Fri", "Sat", "Sun", "vs", "etc", "No", "Nos", "approx", "est", "Ala", "Ariz",
    "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md",
    "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex",
    "Va", "Vt", "Wash", "Wis", "Wyo", "a.m", "p.m", "fig", "vol", "op", "cf", "al",
];

/// Currency marks written glued to the amount. `R` (rand), `N` (naira) and `P` (Philippine peso) split off
/// only before an amount with a scale (`R5bn`, `N2.5bn`, `P12.5 billion`) or with cents (`R22.50`, `P58.72`),
/// and `N` also before thousands (`N1,465`): `R5` alone is as often a road or a model, `N95` a mask, `P5` a
/// paper size.
const GLUED_CURRENCIES: &[(&str, bool)] = &[
    // ISO 4217 codes as financial and Gulf papers glue them (`AED1.2bn`, `USD500m`)
    ("USD", false),
    ("EUR", false),
    ("GBP", false),
    ("AED", false),
    ("SAR", false),
    ("QAR", false),
    ("KWD", false),
    ("BHD", false),
    ("OMR", false),
    ("INR", false),
    ("PKR", false),
    ("BDT", false),
    ("NGN", false),
    ("KES", false),
    ("ZAR", false),
    ("GHS", false),
    ("EGP", false),
    ("JPY", false),
    ("CNY", false),
    ("RMB", false),
    ("HKD", false),
    ("SGD", false),
    ("AUD", false),
    ("CAD", false),
    ("NZD", false),
    ("CHF", false),
    ("KShs", false),
    ("Kshs", false),
    ("KSh", false),
    ("Ksh", false),
    ("USh", false),
    ("TSh", false),
    ("Rs", false),
    ("Rp", false),
    ("Php", false),
    ("Dhs", false),
    ("Dh", false),
    ("Sh", false),
    ("R", true),
    ("N", true),
    ("P", true),
];

/// The length of a currency mark at the start of the word `text[start..j]` when digits follow it.
#[inline]
fn currency_glue(text: &str, start: usize, j: usize) -> Option<usize> {
    let b = &text.as_bytes()[start..j];
    // (cheap tests first, inlined: the tokenizer calls this for every word; the rest is rare and kept apart)
    if b.len() < 2
        || !b[0].is_ascii_uppercase()
        || !b[1..b.len().min(5)].iter().any(u8::is_ascii_digit)
    {
        return None;
    }
    currency_mark_len(text, start, j)
}

/// [`currency_glue`] past its cheap tests.
#[cold]
#[inline(never)]
fn currency_mark_len(text: &str, start: usize, j: usize) -> Option<usize> {
    let word = &text[start..j];
    let &(mark, needs_scale) = GLUED_CURRENCIES.iter().find(|(m, _)| word.starts_with(m))?;
    let rest = &word[mark.len()..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let suffix = &rest[digits..];
    let is_scale = |w: &str| {
        matches!(
            w,
            "bn" | "m" | "mn" | "tn" | "million" | "billion" | "trillion"
        )
    };
    if !suffix.is_empty() {
        // letters after the digits: only a scale suffix (`R5bn`)
        return is_scale(suffix).then_some(mark.len());
    }
    if !needs_scale {
        return Some(mark.len());
    }
    // digits, perhaps with separators and decimals, then a space and a scale word: `R5 million`, `Sh2.5 bn`
    let t = &text.as_bytes()[j..];
    // (the naira also with thousands: `N1,465`)
    if mark == "N" && t.len() >= 4 && t[0] == b',' && t[1..4].iter().all(u8::is_ascii_digit) {
        return Some(mark.len());
    }
    // (and either with cents: `R22.50 a litre`; a road or a model has no cents)
    let cents = t.len() >= 3 && t[0] == b'.' && t[1..3].iter().all(u8::is_ascii_digit);
    if cents
        && !t.get(3).is_some_and(|c| {
            c.is_ascii_alphanumeric() || *c == b'.' && t.get(4).is_some_and(u8::is_ascii_digit)
        })
    {
        return Some(mark.len());
    }
    let mut k = 0;
    while k + 1 < t.len() && matches!(t[k], b',' | b'.') && t[k + 1].is_ascii_digit() {
        k += 1;
        while k < t.len() && t[k].is_ascii_digit() {
            k += 1;
        }
    }
    if k < t.len() && t[k].is_ascii_alphabetic() {
        let w_end = k + t[k..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        return is_scale(std::str::from_utf8(&t[k..w_end]).unwrap_or("")).then_some(mark.len());
    }
    if k < t.len() && t[k] == b' ' {
        let w = &t[k + 1..];
        let w_end = w.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        return is_scale(std::str::from_utf8(&w[..w_end]).unwrap_or("")).then_some(mark.len());
    }
    None
}

/// Clitics that split off a word (after the apostrophe, compared in lowercase).
const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Combining marks, joiners and variation selectors: they continue whatever token they follow.
fn is_extender(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5
        | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4
        | 0x06E7..=0x06E8 | 0x06EA..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957
        | 0x0962..=0x0963 | 0x0981..=0x0983 | 0x09BC..=0x09D7 | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_extender(c)
}

/// The character that starts at byte `pos`, if any (`pos` must be a character boundary).
#[inline]
fn char_at(text: &str, pos: usize) -> Option<char> {
    let b = *text.as_bytes().get(pos)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text[pos..].chars().next()
    }
}

/// The character that ends at byte `pos`, if any.
#[inline]
fn char_before(text: &str, pos: usize) -> Option<char> {
    let b = *text.as_bytes().get(pos.checked_sub(1)?)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text[..pos].chars().next_back()
    }
}

#[inline]
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}')
    } else {
        c.is_whitespace()
    }
}

/// True when `s` is one of [`CLITICS`], ignoring ASCII case (no allocation).
fn is_clitic(s: &str) -> bool {
    s.len() <= 2 && CLITICS.iter().any(|c| c.eq_ignore_ascii_case(s))
}

/// Splits `text` into tokens (see the module documentation for the rules).
///
/// One forward walk over the text in byte offsets, looking at most a few characters ahead or one behind; no
/// per-character table, so memory is the tokens alone and time is linear in the text.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    let at = |pos: usize| char_at(text, pos);
    let len = text.len();
    let mut i = 0;
    let mut space_before = true;
    while i < len {
        let Some(c) = at(i) else { break };
        let cl = c.len_utf8();
        if is_space(c) {
            space_before = true;
            i += cl;
            continue;
        }
        let start = i;
        // n't split off the word before it (see below)
        if !space_before && (c == 'n' || c == 'N') {
            if let Some(a) = at(i + 1).filter(|&a| is_apostrophe(a)) {
                let t = i + 1 + a.len_utf8();
                if at(t).is_some_and(|d| d == 't' || d == 'T')
                    && !at(t + 1).is_some_and(is_word_char)
                    && tokens
                        .last()
                        .is_some_and(|t: &Token| t.kind == TokenKind::Word && t.end == i)
                {
                    tokens.push(Token {
                        start: i,
                        end: t + 1,
                        kind: TokenKind::Clitic,
                        space_before,
                    });
                    i = t + 1;
                    continue;
                }
            }
        }
        if is_word_char(c) {
            // A run of word characters, with internal separators kept where they belong to the token.
            let numeric = c.is_numeric();
            let mut j = i + cl;
            while let Some(d) = at(j) {
                let dl = d.len_utf8();
                if is_word_char(d) {
                    j += dl;
                    continue;
                }
                // 2,000  1.5  15:30  1/6/2022: a separator between digits
                if numeric && matches!(d, ',' | '.' | ':' | '/') {
                    let prev = char_before(text, j);
                    if let Some(next) = at(j + 1).filter(|n| n.is_numeric()) {
                        if prev.is_some_and(|p| p.is_numeric())
                            && (d != '/' || prev.is_some_and(|p| p.is_ascii_digit()))
                        {
                            j += 1 + next.len_utf8();
                            continue;
                        }
                    }
                    break;
                }
                // O'Brien, rock'n'roll: an apostrophe inside a word that does not start a clitic
                if is_apostrophe(d) && !numeric && at(j + dl).is_some_and(|e| e.is_alphabetic()) {
                    let mut k = j + dl;
                    while let Some(e) = at(k).filter(|e| e.is_alphabetic()) {
                        k += e.len_utf8();
                    }
                    let after = &text[j + dl..k];
                    let ends_word = !at(k).is_some_and(is_word_char);
                    if ends_word && (is_clitic(after) || after.eq_ignore_ascii_case("t")) {
                        break;
                    }
                    j = k;
                    continue;
                }
                // U.S.  p.m.  e.g.: single letters joined by dots
                if d == '.' && !numeric {
                    if let Some(e) = at(j + 1).filter(|e| e.is_alphabetic()) {
                        if at(j + 1 + e.len_utf8()) == Some('.')
                            && single_letter_before(text, start, j)
                        {
                            j += 1 + e.len_utf8();
                            continue;
                        }
                    }
                }
                break;
            }
            // A currency mark glued to its amount (`KSh40`, `Rs500`, `R5bn`) splits off, so that the amount is
            // read as a number.
            if !numeric {
                if let Some(p) = currency_glue(text, start, j) {
                    tokens.push(Token {
                        start,
                        end: start + p,
                        kind: TokenKind::Word,
                        space_before,
                    });
                    space_before = false;
                    i = start + p;
                    continue;
                }
            }
            // A final dot that belongs to the token: initials (`J.`), letter-dot sequences (`U.S.`), known
            // abbreviations (`Mr.`).
            if !numeric && at(j) == Some('.') {
                let word = &text[start..j];
                // (not the scale after a degree sign: `41°C.` ends a sentence; nor a unit letter after a number
                // at the end of a sentence: `cooled to 350 K.`)
                // (not after a year: `In 1925 F. Scott Fitzgerald`)
                let unit_after_number = matches!(c, 'K' | 'C' | 'F')
                    && text[..start].strip_suffix(' ').is_some_and(|b| {
                        let digits =
                            b.len() - b.trim_end_matches(|d: char| d.is_ascii_digit()).len();
                        let year = digits == 4 && matches!(b.as_bytes()[b.len() - 4], b'1' | b'2');
                        digits > 0 && !year
                    })
                    && at(j + 1).map_or(true, char::is_whitespace);
                let single_upper = j == start + cl
                    && c.is_uppercase()
                    && !unit_after_number
                    && !matches!(char_before(text, start), Some('°' | 'º' | '˚'));
                if single_upper || word.contains('.') || ABBREVIATIONS.contains(&word) {
                    j += 1;
                }
            }
            // A clitic or n't splits off: Putin’s -> Putin ’s ; don't -> do n't
            let mut end = j;
            if !numeric && j - 1 > start && matches!(char_before(text, j), Some('n' | 'N')) {
                if let Some(a) = at(j).filter(|&a| is_apostrophe(a)) {
                    let t = j + a.len_utf8();
                    if at(t).is_some_and(|d| d == 't' || d == 'T')
                        && !at(t + 1).is_some_and(is_word_char)
                    {
                        end = j - 1;
                    }
                }
            }
            let kind = if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            tokens.push(Token {
                start,
                end,
                kind,
                space_before,
            });
            space_before = false;
            i = end;
            continue;
        }
        if is_apostrophe(c) && char_before(text, i).is_some_and(is_word_char) {
            // A clitic right after a word: ’s, 're, 've ... (n't is handled above)
            let mut j = i + cl;
            while let Some(d) = at(j).filter(|d| d.is_alphabetic()) {
                j += d.len_utf8();
            }
            if is_clitic(&text[i + cl..j]) && !at(j).is_some_and(is_word_char) {
                tokens.push(Token {
                    start: i,
                    end: j,
                    kind: TokenKind::Clitic,
                    space_before,
                });
                space_before = false;
                i = j;
                continue;
            }
        }
        // Punctuation or a symbol: one character, plus any modifiers and ZWJ-joined characters that follow.
        let mut j = i + cl;
        // A flag is a pair of regional indicators (🇫🇷): one token.
        let regional = |x: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&x);
        if regional(c) {
            if let Some(d) = at(j).filter(|&d| regional(d)) {
                j += d.len_utf8();
            }
        }
        while let Some(d) = at(j) {
            if is_extender(d) && d != '\u{200C}' {
                j += d.len_utf8();
                if d == '\u{200D}' {
                    if let Some(e) = at(j).filter(|e| !e.is_whitespace()) {
                        j += e.len_utf8();
                    }
                }
            } else {
                break;
            }
        }
        // Runs of the same dot or dash (`...`, `--`) stay together.
        if matches!(c, '.' | '-' | '—' | '–' | '*' | '=' | '_') {
            while at(j) == Some(c) {
                j += cl;
            }
        }
        tokens.push(Token {
            start,
            end: j,
            kind: TokenKind::Punct,
            space_before,
        });
        space_before = false;
        i = j;
    }
    tokens
}

/// True when `text[start..j]` is a single character, or its last character follows a `.` (so `U.S` before
/// `.`): the dotted-letters rule only continues letter-dot-letter sequences.
fn single_letter_before(text: &str, start: usize, j: usize) -> bool {
    let Some(last) = char_before(text, j) else {
        return false;
    };
    let p = j - last.len_utf8();
    p == start || (p > start && char_before(text, p) == Some('.'))
}

/// Splits tokens into sentences (see the module documentation).
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut begin = 0;
    // The last token of the current sentence that is not a closing quote or bracket: where a walk back over
    // closers from the current token would stop. Kept up to date instead of walked, so a run of a million
    // quotes stays linear.
    let mut last_non_closer: Option<usize> = None;
    for i in 0..tokens.len() {
        if !is_closer(tokens[i].text(text)) {
            last_non_closer = Some(i);
        }
        let next = tokens.get(i + 1);
        let gap = next.map_or("", |n| &text[tokens[i].end..n.start]);
        let line_break = gap.bytes().any(|b| b == b'\n' || b == b'\r')
            || (gap.len() > 1 && gap.contains('\u{2029}'));
        let end_here = next.is_none()
            || line_break
            || (!gap.is_empty() && {
                // Walk back over closing quotes and brackets to the terminal mark (at most to the sentence start).
                let k = last_non_closer.unwrap_or(begin);
                let term = tokens[k].text(text);
                let terminal = matches!(term, "." | "!" | "?" | "..." | "…" | "?!" | "!?")
                    || (term.ends_with('.') && term.len() > 1 && tokens[k].kind == TokenKind::Word);
                terminal && {
                    let t = tokens[i].text(text);
                    let next = next.expect("checked above").text(text);
                    let first = next.chars().next();
                    let abbreviation = term.len() > 1 && term.ends_with('.');
                    if abbreviation {
                        // After an abbreviation only a capital letter starts a sentence (`Jan. 6`, `No. 5` go on),
                        // and not after a title (`Mr. Smith`).
                        first.is_some_and(char::is_uppercase) && !is_title(t, next)
                    } else {
                        first.is_some_and(|c| !c.is_lowercase())
                    }
                }
            });
        if end_here {
            sentences.push(begin..i + 1);
            begin = i + 1;
            last_non_closer = None;
        }
    }
    sentences
}

/// Tokens that may close a sentence after its terminal mark.
fn is_closer(t: &str) -> bool {
    matches!(t, "\"" | "'" | "”" | "’" | ")" | "]" | "»" | "}")
}

/// An abbreviation like `Mr.` that is followed by the name it titles does not end a sentence.
fn is_title(abbrev: &str, _next: &str) -> bool {
    matches!(
        abbrev,
        "Mr."
            | "Mrs."
            | "Ms."
            | "Dr."
            | "Prof."
            | "Gen."
            | "Col."
            | "Lt."
            | "Sgt."
            | "Capt."
            | "Rep."
            | "Sen."
            | "Gov."
            | "St."
            | "Rev."
            | "Hon."
            | "Adm."
            | "Maj."
            | "Cmdr."
            | "Mt."
            | "Ft."
            | "Pres."
    ) || (abbrev.chars().count() == 2 && abbrev.chars().next().is_some_and(|c| c.is_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn keeps_abbreviations_numbers_and_names() {
        assert_eq!(
            toks("the U.S. and Mr. Smith"),
            ["the", "U.S.", "and", "Mr.", "Smith"]
        );
        assert_eq!(
            toks("More than 2,000 at 3 p.m."),
            ["More", "than", "2,000", "at", "3", "p.m."]
        );
        assert_eq!(toks("Nazarbáyev"), ["Nazarbáyev"]);
        assert_eq!(toks("Nazarba\u{301}yev"), ["Nazarba\u{301}yev"]);
        assert_eq!(toks("$4.5bn"), ["$", "4.5bn"]);
        assert_eq!(toks("15:30 on 1/6/2022"), ["15:30", "on", "1/6/2022"]);
    }

    #[test]
    fn splits_clitics_and_hyphens() {
        assert_eq!(toks("Putin’s Russia"), ["Putin", "’s", "Russia"]);
        assert_eq!(toks("Putin's"), ["Putin", "'s"]);
        assert_eq!(toks("don't"), ["do", "n't"]);
        assert_eq!(toks("O'Brien"), ["O'Brien"]);
        assert_eq!(toks("can't"), ["ca", "n't"]);
        assert_eq!(
            toks("a Moscow-led alliance"),
            ["a", "Moscow", "-", "led", "alliance"]
        );
        assert_eq!(toks("“terrorists”"), ["“", "terrorists", "”"]);
    }

    #[test]
    fn sentences_and_crlf() {
        let text = "He left. She stayed.\r\nMr. Smith went to Washington.";
        let doc = Document::new(text);
        let sents: Vec<String> = doc
            .sentences
            .iter()
            .map(|r| text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string())
            .collect();
        assert_eq!(
            sents,
            ["He left.", "She stayed.", "Mr. Smith went to Washington."]
        );
    }

    #[test]
    fn abbreviations_before_numbers_do_not_end_sentences() {
        for (text, n) in [
            ("On Jan. 6, 2022 they met.", 1),
            ("Room No. 5 is free.", 1),
            ("He left on Jan. 6. Then she came.", 2),
        ] {
            assert_eq!(Document::new(text).sentences.len(), n, "{text}");
        }
    }

    #[test]
    fn news_tokens() {
        assert_eq!(toks("U.S.-led forces"), ["U.S.", "-", "led", "forces"]);
        assert_eq!(
            toks("Kassym-Jomart Tokayev’s"),
            ["Kassym", "-", "Jomart", "Tokayev", "’s"]
        );
        assert_eq!(
            toks("CSTO’s “peacekeeping”"),
            ["CSTO", "’s", "“", "peacekeeping", "”"]
        );
        assert_eq!(
            toks("12% or 3.5 per cent"),
            ["12", "%", "or", "3.5", "per", "cent"]
        );
        assert_eq!(
            toks("1,000,000.50 and 40.2km at 10:30am"),
            ["1,000,000.50", "and", "40.2km", "at", "10:30am"]
        );
        assert_eq!(
            toks("€20m, the 1990s, '90s"),
            ["€", "20m", ",", "the", "1990s", ",", "'", "90s"]
        );
        assert_eq!(
            toks("N.Y. and L.A. e.g. this"),
            ["N.Y.", "and", "L.A.", "e.g.", "this"]
        );
        assert_eq!(
            toks("O’Neill’s students' union"),
            ["O’Neill", "’s", "students", "'", "union"]
        );
        assert_eq!(
            toks("Almaty—the city, a 5-4 win"),
            ["Almaty", "—", "the", "city", ",", "a", "5", "-", "4", "win"]
        );
        assert_eq!(
            toks("It hit 41°C. Then"),
            ["It", "hit", "41", "°", "C", ".", "Then"]
        );
        assert_eq!(
            toks("KSh40 and Rs1,500 or R5bn, R2.5 million"),
            ["KSh", "40", "and", "Rs", "1,500", "or", "R", "5bn", ",", "R", "2.5", "million"]
        );
        assert_eq!(
            toks("Sh1.20, Dh3.20, N2.5bn, N1,465 and an N95 mask"),
            [
                "Sh", "1.20", ",", "Dh", "3.20", ",", "N", "2.5bn", ",", "N", "1,465", "and", "an",
                "N95", "mask"
            ]
        );
        assert_eq!(
            toks("the R5 road, R2D2, Sh3"),
            ["the", "R5", "road", ",", "R2D2", ",", "Sh", "3"]
        );
    }

    #[test]
    fn crlf_and_old_mac_line_breaks_are_whitespace_and_end_sentences() {
        let text = "line one\r\nline two\r\n\r\nline three\rline four";
        assert_eq!(
            toks(text),
            ["line", "one", "line", "two", "line", "three", "line", "four"]
        );
        assert_eq!(Document::new(text).sentences.len(), 4);
    }

    #[test]
    fn long_runs_stay_linear() {
        // A run of a million closing quotes once made the sentence splitter quadratic.
        let quotes = "\"".repeat(1 << 20) + " X";
        let t = std::time::Instant::now();
        let doc = Document::new(&quotes);
        assert_eq!(doc.tokens.len(), (1 << 20) + 1);
        let digits = "9".repeat(1 << 20);
        assert_eq!(tokenize(&digits).len(), 1);
        let dotted = "a.".repeat(1 << 19);
        assert_eq!(tokenize(&dotted).len(), 1);
        assert!(
            t.elapsed() < std::time::Duration::from_secs(20),
            "took {:?}",
            t.elapsed()
        );
    }

    #[test]
    fn emoji_sequences_stay_whole() {
        let s = "hi 👩‍👩‍👧 👍🏽 ok";
        assert_eq!(toks(s), ["hi", "👩‍👩‍👧", "👍🏽", "ok"]);
        // flags are pairs of regional indicators, one token each, also back to back
        assert_eq!(
            toks("Paris 🇫🇷🇩🇪 Berlin 🇺"),
            ["Paris", "🇫🇷", "🇩🇪", "Berlin", "🇺"]
        );
    }

    #[test]
    fn odd_input_never_panics() {
        for s in [
            "",
            " ",
            "\u{0}",
            "'",
            "’s",
            "n't",
            "...",
            "1,",
            "1.",
            ",1",
            "a.b.",
            "\u{301}",
            "\u{200D}",
            "x\u{200D}",
        ] {
            let doc = Document::new(s);
            for t in &doc.tokens {
                assert!(
                    t.start < t.end && s.is_char_boundary(t.start) && s.is_char_boundary(t.end)
                );
            }
        }
    }
}
