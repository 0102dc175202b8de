//! The rules: one scan over the tokens, reading at each token the longest figure that starts there.

use super::calendar;
use super::lexicon;
use super::numbers::{self, DigitToken};
use crate::text::{Document, TokenKind};
use crate::{Approx, CivilDate, Entity, Label, Value};

/// Confidence per rule family: fixed, so equal evidence gets equal scores.
mod score {
    pub const EXPLICIT: f32 = 0.99; // %, currency symbols, clock times, ISO dates
    pub const MONTH_DATE: f32 = 0.97; // January 6, 6 January 2022
    pub const UNIT: f32 = 0.93; // quantities, money with currency words
    pub const DURATION: f32 = 0.9; // three decades, two hours
    pub const WEEKDAY: f32 = 0.95;
    pub const RELATIVE: f32 = 0.9; // last year, yesterday
    pub const DIGITS: f32 = 0.9; // bare numbers in digits
    pub const WORDS: f32 = 0.85; // number words
    pub const YEAR: f32 = 0.85; // bare years
    pub const ORDINAL: f32 = 0.9;
    pub const VAGUE: f32 = 0.75; // hundreds, annual, the weekend, morning
}

#[derive(Clone, Copy, Debug)]
struct Tk {
    start: usize,
    end: usize,
    /// where the token's lowercase form starts in `Scanner::lower` (`end - 1` for an en dash, stored there as
    /// the hyphen it stands for; `start` for every other token)
    lo: usize,
    kind: TokenKind,
    /// whitespace (or the start of the text) before the token
    space: bool,
    /// first token of a sentence
    first: bool,
}

/// What a rule read: the token after the figure, its label (`None` reads over text that must not become a
/// figure, such as a phone number) and value.
#[derive(Clone, Debug)]
struct Hit {
    /// where the figure starts, when not at the token the rule was tried at
    start: Option<usize>,
    end: usize,
    label: Option<Label>,
    value: Option<Value>,
    score: f32,
}

impl Hit {
    fn new(end: usize, label: Label, value: Option<Value>, score: f32) -> Hit {
        Hit {
            start: None,
            end,
            label: Some(label),
            value,
            score,
        }
    }
    fn skip(end: usize) -> Hit {
        Hit {
            start: None,
            end,
            label: None,
            value: None,
            score: 0.0,
        }
    }
}

/// A number read from one or more tokens.
#[derive(Clone, Copy, Debug)]
struct Num {
    value: f64,
    end: usize,
    /// four plain digits that can be a year
    year: bool,
    /// `a` / `an` standing for one before a unit
    article: bool,
    /// `hundreds`, `dozens`, `several`, `a few`: no exact value
    vague: bool,
    /// written in digits
    digits: bool,
    /// a single plain integer token (for days of the month and hours)
    int: Option<u32>,
    /// written as words, a single token (`one`, `two`)
    single_word: bool,
    /// the factor of the scale words or suffix read with it (1e6 for `2.3 million`, 1e9 for `4bn`, else 1)
    scale: f64,
}

impl Num {
    /// A whole number that can be a person's age (`aged 54`, `the age of 65`): under 130, no article standing
    /// for one, not vague.
    fn is_age(&self) -> bool {
        self.int.is_some_and(|a| a < 130) && !self.article && !self.vague
    }

    /// A number written in words: not digits, not a year, no article standing for one, not vague.
    fn words(value: f64, end: usize, int: Option<u32>, single_word: bool) -> Num {
        Num {
            value,
            end,
            year: false,
            article: false,
            vague: false,
            digits: false,
            int,
            single_word,
            scale: 1.0,
        }
    }

    /// One digit token that is not a plain number: a glued scale (`4.5bn`) or a fraction (`3/4`).
    fn glued(value: f64, end: usize, scale: f64) -> Num {
        Num {
            value,
            end,
            year: false,
            article: false,
            vague: false,
            digits: true,
            int: None,
            single_word: false,
            scale,
        }
    }
}

/// One scan over a document.
pub struct Scanner<'a> {
    text: &'a str,
    lower: String,
    toks: Vec<Tk>,
    /// the end of the current sentence: rules never look past it
    limit: std::cell::Cell<usize>,
    /// the start of the current sentence (tense cues are looked for back to it)
    sent_start: std::cell::Cell<usize>,
    sentences: Vec<std::ops::Range<usize>>,
    date: Option<CivilDate>,
}

impl<'a> Scanner<'a> {
    /// Prepares the scan (one lowercase copy of the text, one token array).
    pub fn new(doc: &Document<'a>, date: Option<CivilDate>) -> Scanner<'a> {
        let mut toks: Vec<Tk> = doc
            .tokens
            .iter()
            .map(|t| Tk {
                start: t.start,
                end: t.end,
                lo: t.start,
                kind: t.kind,
                space: t.space_before,
                first: false,
            })
            .collect();
        for s in &doc.sentences {
            let mut k = s.start;
            // the first word after opening quotes and brackets
            while k < s.end
                && matches!(doc.token_text(k), "\"" | "“" | "‘" | "'" | "(" | "[" | "``")
            {
                k += 1;
            }
            if let Some(t) = toks.get_mut(k) {
                t.first = true;
            }
        }
        // Rules stay inside a sentence, but a sentence that ends in an abbreviation on the same line goes on
        // (the splitter ends one after `Oct.` in `Oct. 13`).
        let mut sentences: Vec<std::ops::Range<usize>> = Vec::with_capacity(doc.sentences.len());
        for s in &doc.sentences {
            if let Some(prev) = sentences.last_mut() {
                let last = &doc.tokens[prev.end - 1];
                let lt = last.text(doc.text);
                let same_line = s.start < doc.tokens.len()
                    && !doc.text[last.end..doc.tokens[s.start].start].contains(['\n', '\r']);
                // `Rs. 2.5 crore`: the splitter ends a sentence after `Rs` `.`
                let rupee = lt == "."
                    && prev.end >= prev.start + 2
                    && doc.tokens[prev.end - 2].text(doc.text) == "Rs"
                    && doc.tokens[prev.end - 2].end == last.start
                    && s.start < doc.tokens.len()
                    && doc.tokens[s.start].kind == TokenKind::Number;
                if prev.end == s.start
                    && (last.kind == TokenKind::Word && lt.len() > 1 && lt.ends_with('.') || rupee)
                    && same_line
                {
                    prev.end = s.end;
                    continue;
                }
            }
            sentences.push(s.clone());
        }
        let limit = std::cell::Cell::new(toks.len());
        let sent_start = std::cell::Cell::new(0);
        // an en dash reads as the hyphen it stands for between figures (`5–7%`, `1990–91`): its three bytes
        // become two spaces and a hyphen in the lowercase copy, and the token's lowercase form the hyphen
        let mut lower = doc.text.to_ascii_lowercase();
        if doc.text.contains('–') {
            let mut bytes = lower.into_bytes();
            for t in toks.iter_mut() {
                if &doc.text.as_bytes()[t.start..t.end] == "–".as_bytes() {
                    bytes[t.start..t.end].copy_from_slice(b"  -");
                    t.lo = t.end - 1;
                }
            }
            // (only ASCII bytes replaced whole characters: still UTF-8)
            lower = String::from_utf8(bytes).unwrap_or_else(|_| doc.text.to_ascii_lowercase());
        }
        Scanner {
            text: doc.text,
            lower,
            toks,
            limit,
            sent_start,
            sentences,
            date,
        }
    }

    /// Runs the scan and returns the figures, sorted and disjoint.
    pub fn run(&self) -> Vec<Entity> {
        let mut out = Vec::new();
        for s in &self.sentences {
            self.limit.set(s.end.min(self.toks.len()));
            self.sent_start.set(s.start);
            self.scan(s.start, &mut out);
        }
        out
    }

    /// Runs the scan and returns the figures (sorted and disjoint) and, separately, the shorter readings inside
    /// each of them: what the rules read from a later token of the figure (`50` in `more than 50`, `3.7 %` in
    /// `2.9 % to 3.7 %`) and the first part of a joined date or range (`2.9 %`). The learned filter judges
    /// those as alternative boundaries, each with the value its own rule gave it.
    pub fn run_with_parts(&self) -> (Vec<Entity>, Vec<Entity>) {
        let mut out = Vec::new();
        let mut parts = Vec::new();
        for s in &self.sentences {
            self.limit.set(s.end.min(self.toks.len()));
            self.sent_start.set(s.start);
            self.scan_into(s.start, &mut out, Some(&mut parts));
        }
        (out, parts)
    }

    fn scan(&self, from: usize, out: &mut Vec<Entity>) {
        self.scan_into(from, out, None)
    }

    fn entity(&self, first: usize, h: Hit) -> Option<Entity> {
        let label = h.label?;
        let (start, end) = (self.toks[first].start, self.toks[h.end - 1].end);
        Some(Entity {
            start,
            end,
            label,
            text: self.text[start..end].to_string(),
            score: h.score,
            group: None,
            value: h.value,
        })
    }

    /// At most this many tokens into a figure are tried for shorter readings.
    const PART_REACH: usize = 6;

    fn scan_into(&self, from: usize, out: &mut Vec<Entity>, mut parts: Option<&mut Vec<Entity>>) {
        let n = self.limit.get();
        let mut i = from;
        while i < n {
            match self.at(i) {
                Some(h0) if h0.end > i => {
                    let h = self.compound(i, h0.clone());
                    let first = h.start.unwrap_or(i).min(h.end - 1);
                    let end = h.end;
                    // an interval of dates the rules joined (`1953 to 1955`) stays whole, as in OntoNotes
                    let interval =
                        matches!(&h.value, Some(Value::Date { date }) if date.contains('/'));
                    if let Some(e) = self.entity(first, h) {
                        out.push(e);
                        if let Some(parts) = parts.as_deref_mut().filter(|_| !interval) {
                            if h0.end < end && h0.start.is_none() {
                                parts.extend(self.entity(i, h0));
                            }
                            // the first part of a range or list read as one (`8 1/2 % to 8 3/8 %`): the
                            // reading at the start with the sentence cut before the joining word
                            let limit = self.limit.get();
                            for k in first + 1..end.min(first + 1 + Self::PART_REACH) {
                                if matches!(
                                    self.w(k),
                                    "to" | "-" | "–" | "or" | "and" | "through" | ","
                                ) {
                                    self.limit.set(k);
                                    let hk = self.at(first).map(|hk| self.compound(first, hk));
                                    let n1 = (first..k)
                                        .rev()
                                        .find_map(|j| self.number(j).filter(|n| n.end == k));
                                    self.limit.set(limit);
                                    // `about 2` in `about 2 to 3 million` is two million
                                    let k2 =
                                        self.currency_prefix(k + 1).map_or(k + 1, |(_, k2)| k2);
                                    let factor = match (n1, self.number(k2)) {
                                        (Some(n1), Some(n2)) if n1.value != 0.0 => {
                                            shared_scale(&n1, &n2) / n1.value
                                        }
                                        _ => 1.0,
                                    };
                                    let hk = hk.map(|mut hk| {
                                        if factor != 1.0 {
                                            hk.value = match hk.value {
                                                Some(Value::Number { number, approx, to }) => {
                                                    Some(Value::Number {
                                                        number: number * factor,
                                                        approx,
                                                        to,
                                                    })
                                                }
                                                Some(Value::Money {
                                                    amount,
                                                    currency,
                                                    to,
                                                }) => Some(Value::Money {
                                                    amount: amount * factor,
                                                    currency,
                                                    to,
                                                }),
                                                v => v,
                                            };
                                        }
                                        hk
                                    });
                                    if let Some(hk) =
                                        hk.filter(|hk| hk.start.is_none() && hk.end > first)
                                    {
                                        parts.extend(self.entity(first, hk));
                                    }
                                    break;
                                }
                            }
                            for k in first + 1..end.min(first + 1 + Self::PART_REACH) {
                                if let Some(hk) = self.at(k).map(|hk| self.compound(k, hk)) {
                                    // not the number without its qualifier (`300` in `up to 300`):
                                    // qualifiers belong to the span (GUIDE section 1)
                                    let qualifier = hk.end == end
                                        && (first..k).all(|j| {
                                            self.w(j).bytes().all(|c| c.is_ascii_lowercase())
                                        });
                                    if hk.start.is_none()
                                        && hk.end > k
                                        && hk.end <= end
                                        && !qualifier
                                    {
                                        parts.extend(self.entity(k, hk));
                                    }
                                }
                            }
                        }
                    }
                    i = end;
                }
                _ => i += 1,
            }
        }
    }

    /// Dates and times joined into one: `January of that year`, `the first six months of 1989`,
    /// `1953 to 1955`, `10 a.m. to 2 p.m.`.
    fn compound(&self, i: usize, mut h: Hit) -> Hit {
        let first = h.start.unwrap_or(i);
        for _ in 0..4 {
            let Some(label @ (Label::Date | Label::Time)) = h.label else {
                return h;
            };
            let e = h.end;
            // Monday, October 30 / today, Thursday / Friday Oct. 13
            if label == Label::Date
                && e == first + 1
                && (self.w(first) == "today"
                    || (lexicon::weekday(self.w(first)).is_some() && self.cap(first)))
            {
                let k = if self.w(e) == "," { e + 1 } else { e };
                // (or the day first: `Wednesday 25 November 2026`)
                let next_is_day = self.month_at(k).is_some()
                    || (self.w(e) == "," && lexicon::weekday(self.w(k)).is_some() && self.cap(k))
                    || (self.kind(k) == Some(TokenKind::Number) && self.month_at(k + 1).is_some());
                if next_is_day {
                    if let Some(h2) = self
                        .at(k)
                        .filter(|h2| h2.label == Some(Label::Date) && h2.start.is_none())
                    {
                        h.end = h2.end;
                        h.value = h2.value;
                        continue;
                    }
                }
            }
            match self.w(e) {
                "of" if label == Label::Date => {
                    if self.w(e + 1) == "that" && matches!(self.w(e + 2), "year" | "month" | "week")
                    {
                        h.end = e + 3;
                        h.value = None;
                        continue;
                    }
                    match self.at(e + 1) {
                        Some(h2) if h2.label == Some(Label::Date) && h2.start.is_none() => {
                            h.end = h2.end;
                            h.value = None;
                        }
                        _ => return h,
                    }
                }
                "-" | "to" | "–"
                    if label == Label::Date
                        && matches!(&h.value, Some(Value::Date { date }) if date.len() == 4)
                        && matches!(
                            numbers::digit_token(self.s(e + 1)),
                            Some(DigitToken::Plain {
                                plain_digits: Some(2),
                                ..
                            })
                        ) =>
                {
                    h.end = e + 2;
                    h.value = match &h.value {
                        Some(Value::Date { date }) => date
                            .parse::<i32>()
                            .ok()
                            .and_then(|y| year_interval(y, self.s(e + 1)))
                            .map(|date| Value::Date { date }),
                        _ => None,
                    };
                }
                "to" | "-" | "through" | "–" => match self.at(e + 1) {
                    Some(h2) if h2.label == Some(label) && h2.start.is_none() => {
                        h.value = match (&h.value, &h2.value) {
                            (Some(Value::Date { date: a }), Some(Value::Date { date: b })) => {
                                let b = self.range_end(a, b, e + 1, h2.end);
                                Some(Value::Date {
                                    date: format!("{a}/{b}"),
                                })
                            }
                            // the three months to June 30: the period that ends then (ISO 8601 `P3M/--06-30`)
                            (
                                Some(Value::Duration { duration: a }),
                                Some(Value::Date { date: b }),
                            ) if label == Label::Date && self.w(e) != "-" => period_to(a, b),
                            _ => None,
                        };
                        h.end = h2.end;
                    }
                    _ => return h,
                },
                _ => return h,
            }
        }
        h
    }

    /// The end of an interval of dates, resolved against its start `a`: a weekday (tokens `k..end`) is the
    /// first such day on or after the start (`Monday to Wednesday` in an article of a Tuesday ends on the
    /// next day, not on the Wednesday before), and a month or day without a written year that would fall
    /// before the start moves on a year (`Dec. 28 to Jan. 3`).
    fn range_end(&self, a: &str, b: &str, k: usize, end: usize) -> String {
        let Some(start) = CivilDate::parse(a).ok().filter(|_| a.len() == 10) else {
            return self.later_year(a, b, k, end);
        };
        if end == k + 1 && self.cap(k) {
            if let Some(wd) = lexicon::weekday(self.w(k)) {
                let ahead = (wd + 7 - calendar::weekday_of(start)) % 7;
                return calendar::add_days(start, ahead as i64).to_string();
            }
        }
        self.later_year(a, b, k, end)
    }

    /// `b` a year later when it is a month or a day of the document's year that sorts before `a` and its
    /// tokens `k..end` write no year.
    fn later_year(&self, a: &str, b: &str, k: usize, end: usize) -> String {
        let written_year = (k..end).any(|j| self.year_at(j).is_some());
        if written_year
            || !(b.len() == 7 || b.len() == 10)
            || b.starts_with('-')
            || b >= a
            || a.len() < 7
        {
            return b.to_string();
        }
        match b[..4].parse::<i32>() {
            Ok(y) => format!("{:04}{}", y + 1, &b[4..]),
            Err(_) => b.to_string(),
        }
    }

    /// Runs `f` with the sentence cut before token `end` (a reading that must stop there).
    fn limited<T>(&self, end: usize, f: impl FnOnce() -> T) -> T {
        let limit = self.limit.get();
        self.limit.set(end.min(limit));
        let out = f();
        self.limit.set(limit);
        out
    }

    // ---- token access -------------------------------------------------------------------------------

    /// Lowercase text of token `i` (ASCII lowercasing), "" past the end.
    /// (an en dash reads as `-`, see [`Scanner::new`])
    fn w(&self, i: usize) -> &str {
        self.tk(i).map_or("", |t| &self.lower[t.lo..t.end])
    }
    /// Original text of token `i`, "" past the end.
    fn s(&self, i: usize) -> &str {
        self.tk(i).map_or("", |t| &self.text[t.start..t.end])
    }
    /// Token `i` if it is in the current sentence.
    fn tk(&self, i: usize) -> Option<&Tk> {
        if i < self.limit.get() {
            self.toks.get(i)
        } else {
            None
        }
    }
    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tk(i).map(|t| t.kind)
    }
    /// Token `i` starts with an uppercase ASCII letter.
    fn cap(&self, i: usize) -> bool {
        self.s(i)
            .as_bytes()
            .first()
            .is_some_and(|b| b.is_ascii_uppercase())
    }
    /// Token `i` follows token `i - 1` without whitespace.
    fn glued(&self, i: usize) -> bool {
        self.tk(i).is_some_and(|t| !t.space)
    }
    fn is_hyphen(&self, i: usize) -> bool {
        matches!(self.s(i), "-" | "–" | "‐")
    }
    /// A hyphen at `i` (spaced as in treebank text or glued), returning the token after it.
    fn hyphen(&self, i: usize) -> Option<usize> {
        self.is_hyphen(i)
            .then_some(i + 1)
            .filter(|&k| k < self.limit.get())
    }

    // ---- the dispatcher -----------------------------------------------------------------------------

    fn at(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if self.kind(i) == Some(TokenKind::Number) {
            if let Some(h) = self.digit_run(i) {
                return Some(h);
            }
        }
        if matches!(w, "'" | "’" | "‘")
            && self.glued(i + 1)
            && self.kind(i + 1) == Some(TokenKind::Number)
        {
            if let Some(h) = self.decade_hit(i + 1) {
                return Some(h);
            }
            if let Some(DigitToken::Plain {
                value,
                plain_digits: Some(2),
            }) = numbers::digit_token(self.s(i + 1))
            {
                let y = value as i32 + if value < 30.0 { 2000 } else { 1900 };
                return Some(Hit::new(
                    i + 2,
                    Label::Date,
                    Some(Value::Date {
                        date: format!("{y:04}"),
                    }),
                    score::YEAR,
                ));
            }
        }
        // quarter to six (the other clock times said in words are read after their number: `half past nine`)
        if w == "quarter" && self.w(i + 1) == "to" {
            if let Some(h) = self.spoken_clock(i) {
                return Some(h);
            }
        }
        if matches!(w, "its" | "his" | "her" | "their" | "a" | "the") {
            let ordinal = lexicon::ordinal_word(self.w(i + 1)).is_some()
                || matches!(
                    numbers::digit_token(self.s(i + 1)),
                    Some(DigitToken::Ordinal(_))
                );
            if ordinal && !(w == "the" && self.quarter_of_year(i + 1)) {
                if let Some(end) = self.period_unit(i + 2) {
                    return Some(Hit::new(end, Label::Date, None, score::RELATIVE));
                }
            }
        }
        // the age of 65, age 13
        {
            let k = if w == "the" && self.w(i + 1) == "age" && self.w(i + 2) == "of" {
                i + 3
            } else if w == "age" {
                i + 1
            } else {
                usize::MAX
            };
            if k != usize::MAX {
                if let Some(num) = self.number(k).filter(Num::is_age) {
                    return Some(Hit::new(
                        num.end,
                        Label::Date,
                        Some(Value::Duration {
                            duration: duration(num.value, 'Y', false),
                        }),
                        score::DURATION,
                    ));
                }
            }
        }
        // a year after its era: `in AD 79`, `from AD 98 to 117`
        if matches!(self.s(i), "AD" | "A.D.") {
            if let Some(h) = self.era_before(i + 1) {
                return Some(h);
            }
        }
        // adults aged 50, aged 18 to 34, aged 18-34, aged between 18 and 25, aged 65 and over
        if w == "aged" {
            if let Some(h) = self.aged(i + 1) {
                return Some(h);
            }
        }
        // a multibillion-dollar deal, a million-dollar home
        if matches!(w, "a" | "an") || w.ends_with("illion") {
            if let Some(h) = self.scale_money_adjective(i, w) {
                return Some(h);
            }
        }
        if w == "the" {
            if let Some(h) = self.the_phrase(i + 1) {
                return Some(h);
            }
            return None;
        }
        if let Some(h) = self.date_words(i) {
            return Some(h);
        }
        if let Some((y, e)) = self.spoken_year(i) {
            if y < 2000
                || matches!(
                    self.w(i.wrapping_sub(1)),
                    "in" | "of" | "since" | "until" | "by" | "from" | "year"
                )
            {
                return Some(Hit::new(
                    e,
                    Label::Date,
                    Some(Value::Date {
                        date: format!("{y:04}"),
                    }),
                    score::YEAR,
                ));
            }
        }
        let (approx, j) = self.qualifier(i);
        if let Some(mut h) = self.numeric(j, approx, i) {
            // `between` belongs to a figure with both its ends (`between 3% and 5%`), not to one alone
            // (`between 18:00 GMT on Friday and midnight`)
            if w == "between" && h.start.is_none() && !(j..h.end).any(|k| self.w(k) == "and") {
                h.start = Some(if self.negates(i, j) { j - 1 } else { j });
            }
            // a comparison of amounts is no bound of a point in time (`3% higher than a year ago`; a period
            // keeps it: `greater than 20 years`)
            if matches!(w, "higher" | "lower" | "greater" | "bigger" | "smaller")
                && h.label == Some(Label::Date)
                && h.start.is_none()
                && matches!(self.w(h.end - 1), "ago" | "earlier" | "before" | "later")
            {
                h.start = Some(j);
            }
            return Some(h);
        }
        if j > i {
            return None;
        }
        self.ordinal_word(i)
    }

    /// A phone number written in groups apart (`0800 123 4567`, `+44 20 7946 0958`) from its first group at
    /// `i` (after a glued `+`, or of digits starting with 0): at least two more groups of two to four digits,
    /// one space apart, make it one, which is no figure.
    #[inline(never)]
    fn spaced_phone(&self, i: usize) -> Option<Hit> {
        let digits = |k: usize| {
            let s = self.s(k);
            self.kind(k) == Some(TokenKind::Number)
                && (2..=4).contains(&s.len())
                && s.bytes().all(|b| b.is_ascii_digit())
                && self
                    .tk(k)
                    .is_some_and(|t| t.start == self.toks[k - 1].end + 1)
        };
        let mut k = i + 1;
        while k < self.limit.get() && digits(k) {
            k += 1;
        }
        (k >= i + 3).then(|| Hit::skip(k))
    }

    /// Digits joined by hyphens without spaces: an ISO date (`2022-01-06`), or a phone number, a score
    /// (`2-1`), a code, which must not become figures. Ranges of two numbers with a unit (`10-12 miles`)
    /// are left to the ordinary rules.
    fn digit_run(&self, i: usize) -> Option<Hit> {
        let mut k = i + 1;
        let mut parts = 1;
        while self.is_hyphen(k)
            && self.glued(k)
            && self.kind(k + 1) == Some(TokenKind::Number)
            && self.glued(k + 1)
            && parts < 64
        {
            k += 2;
            parts += 1;
        }
        if parts == 1 {
            let b = self.s(i).as_bytes();
            let plus = i > 0 && self.s(i - 1) == "+" && self.glued(i);
            if (plus || b.len() >= 2 && b[0] == b'0') && b.len() <= 5 {
                return self.spaced_phone(i);
            }
            return None;
        }
        if parts == 3 {
            let (y, m, d) = (self.s(i), self.s(i + 2), self.s(i + 4));
            if y.len() == 4
                && m.len() == 2
                && d.len() == 2
                && y.bytes()
                    .chain(m.bytes())
                    .chain(d.bytes())
                    .all(|b| b.is_ascii_digit())
            {
                let (yy, mm, dd) = (
                    y.parse::<i32>().ok()?,
                    m.parse::<u32>().ok()?,
                    d.parse::<u32>().ok()?,
                );
                if calendar::valid_day(Some(yy), mm, dd) {
                    let v = Value::Date {
                        date: format!("{yy:04}-{mm:02}-{dd:02}"),
                    };
                    return Some(Hit::new(k, Label::Date, Some(v), score::EXPLICIT));
                }
            }
        }
        if parts == 2 {
            if let Some(h) = self.numeric(i, None, i) {
                if h.end >= k {
                    return Some(h);
                }
                // clock times joined by a hyphen: `9am-5pm`, `10:00-16:00`, `7:30-9:30 p.m.` (one TIME, without
                // a value, as `9am to 5pm`)
                if h.label == Some(Label::Time) {
                    if let Some(h2) = self
                        .numeric(i + 2, None, i + 2)
                        .filter(|h2| h2.label == Some(Label::Time) && h2.start.is_none())
                    {
                        return Some(Hit::new(h2.end, Label::Time, None, h.score));
                    }
                }
            }
            // 1990-91, 2019-2020: a span of years
            let (a, b) = (self.s(i), self.s(i + 2));
            if a.len() == 4
                && (b.len() == 2 || b.len() == 4)
                && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
            {
                let y: i32 = a.parse().ok()?;
                if (1000..=2100).contains(&y) {
                    let v = year_interval(y, b).map(|date| Value::Date { date });
                    return Some(Hit::new(k, Label::Date, v, score::YEAR));
                }
            }
        }
        Some(Hit::skip(k))
    }

    // ---- qualifiers ---------------------------------------------------------------------------------

    /// Reads a qualifier (`more than`, `about`, `only`) at `i`: its bound and the token after it (`i` when
    /// there is none).
    fn qualifier(&self, i: usize) -> (Option<Approx>, usize) {
        let (q, j) = self.qualifier_words(i);
        // a sign after the words: `as low as -3C`, `about minus 5`
        let minus = self.w(j) == "minus" && self.number_follows(j + 1);
        if j > i && (self.is_sign(j) || minus) {
            return (q, j + 1);
        }
        (q, j)
    }

    /// A number in digits or words starts at `k` (`minus 12`, `minus twelve`).
    fn number_follows(&self, k: usize) -> bool {
        self.kind(k) == Some(TokenKind::Number) || lexicon::small_number(self.w(k)).is_some()
    }

    /// The words of a qualifier at `i` (see [`Self::qualifier`]).
    fn qualifier_words(&self, i: usize) -> (Option<Approx>, usize) {
        let (a, b, c) = (self.w(i), self.w(i + 1), self.w(i + 2));
        // three words
        match (a, b, c) {
            ("as", "many" | "much" | "high", "as") => return (Some(Approx::AtLeast), i + 3),
            ("as", "low", "as") => return (Some(Approx::AtMost), i + 3),
            ("as", "few" | "little", "as") => return (Some(Approx::AtMost), i + 3),
            ("no", "more" | "greater" | "higher", "than") => return (Some(Approx::AtMost), i + 3),
            ("no", "fewer" | "less" | "lower", "than") => return (Some(Approx::AtLeast), i + 3),
            // a margin either way: `plus or minus 3.1 percentage points` is 3.1, not -3.1
            ("plus", "or", "minus") => return (None, i + 3),
            ("a", "little" | "bit", "over" | "more") => {
                return (Some(Approx::MoreThan), i + 3 + (c == "more") as usize)
            }
            ("a", "little" | "bit", "under" | "less") => {
                return (Some(Approx::LessThan), i + 3 + (c == "less") as usize)
            }
            _ => {}
        }
        if a == "between" || (a == "minus" && self.number_follows(i + 1)) || self.is_sign(i) {
            return (None, i + 1);
        }
        // `over` stays with an amount of money (OntoNotes), not with other figures
        if a == "over" && self.currency_prefix(i + 1).is_some() {
            return (Some(Approx::MoreThan), i + 1);
        }
        if let Some(q) = lexicon::qualifier2(a, b) {
            // `just over`, `only about`: a second qualifier may follow
            return (q, i + 2);
        }
        if let Some(q) = lexicon::qualifier1(a) {
            if let Some(q2) = lexicon::qualifier1(b) {
                return (q2.or(q), i + 2);
            }
            if let Some(q2) = lexicon::qualifier2(b, c) {
                return (q2.or(q), i + 3);
            }
            return (q, i + 1);
        }
        (None, i)
    }

    /// A minus sign at `i`: `-` or `−` glued to the digits after it (or to a currency sign glued to them:
    /// `-$3m`) and preceded by whitespace, the start of the text or an opening bracket (`fell -3%`, `(-5°C)`),
    /// not the hyphen of a range or score (`10-15`, nor `10 -15` after a number).
    fn is_sign(&self, i: usize) -> bool {
        matches!(self.s(i), "-" | "−")
            && self.glued(i + 1)
            && (self.kind(i + 1) == Some(TokenKind::Number)
                || matches!(self.s(i + 1), "$" | "£" | "€" | "¥" | "₹")
                    && self.glued(i + 2)
                    && self.kind(i + 2) == Some(TokenKind::Number))
            && self
                .tk(i)
                .is_some_and(|t| t.space || (i > 0 && matches!(self.s(i - 1), "(" | "[")))
            && (i == 0 || self.kind(i - 1) != Some(TokenKind::Number))
    }

    /// The token `q0` before the number at `j` negates it (`minus 12`, `-5`).
    fn negates(&self, q0: usize, j: usize) -> bool {
        j > q0
            && ((self.w(j - 1) == "minus" && self.w(j.wrapping_sub(2)) != "or")
                || self.is_sign(j - 1))
    }

    // ---- numbers ------------------------------------------------------------------------------------

    /// Scale words after a number: `2.3 million`, `five hundred thousand`.
    fn scales(&self, mut v: f64, mut e: usize) -> (f64, usize) {
        let mut n = 0;
        while let Some(s) = lexicon::scale_word(self.w(e)) {
            v *= s;
            e += 1;
            n += 1;
            if n > 3 {
                break;
            }
        }
        (v, e)
    }

    /// Token `e`, after the number at `k`, is a scale abbreviation written apart (`4.5 bn`): `bn`, `bln`, `mn`,
    /// `tn`, `trn` always; `m` only after a number with a currency sign before it (`£30 m`) or before a
    /// currency word (`20 m euros`).
    fn spaced_scale(&self, k: usize, e: usize) -> bool {
        if self.glued(e) {
            return false;
        }
        match self.w(e) {
            "bn" | "bln" | "mn" | "tn" | "trn" => true,
            "m" => {
                lexicon::currency_word(self.w(e + 1)).is_some()
                    || (k > self.sent_start.get()
                        && lexicon::currency_prefix(self.s(k - 1)).is_some())
            }
            _ => false,
        }
    }

    fn is_unit_word(&self, i: usize) -> bool {
        let w = self.w(i);
        lexicon::date_unit(w).is_some()
            || lexicon::time_unit(w).is_some()
            || lexicon::unit(w).is_some()
            || lexicon::currency_word(w).is_some()
            || matches!(w, "square" | "metric" | "percent")
    }

    /// Reads a number at `k`.
    fn number(&self, k: usize) -> Option<Num> {
        let w = self.w(k);
        if self.kind(k) == Some(TokenKind::Number) {
            return match numbers::digit_token(self.s(k))? {
                DigitToken::Plain {
                    value,
                    plain_digits,
                } => {
                    let mut v = value;
                    let mut e = k + 1;
                    if value.fract() == 0.0 && self.kind(e) == Some(TokenKind::Number) {
                        if let Some(DigitToken::Fraction(f)) = numbers::digit_token(self.s(e)) {
                            v += f;
                            e += 1;
                        }
                    }
                    // 2 and a half billion
                    if self.w(e) == "and"
                        && self.w(e + 1) == "a"
                        && self.w(e + 2) == "half"
                        && lexicon::scale_word(self.w(e + 3)).is_some()
                    {
                        v += 0.5;
                        e += 3;
                    }
                    let base = v;
                    let (mut v, mut e2) = self.scales(v, e);
                    // a scale abbreviated apart from its number: `$4.5 bn`, `£30 m`, `20 m euros` (a bare `m` is
                    // a metre unless money is named around it)
                    if e2 == e && self.spaced_scale(k, e) {
                        v *= lexicon::scale_suffix(self.w(e)).unwrap_or(1.0);
                        e2 = e + 1;
                    }
                    let year =
                        plain_digits == Some(4) && e2 == k + 1 && (1000.0..=2100.0).contains(&v);
                    let int =
                        (plain_digits.is_some() && e2 == k + 1 && v < 1e6).then_some(v as u32);
                    Some(Num {
                        value: v,
                        end: e2,
                        year,
                        article: false,
                        vague: false,
                        digits: true,
                        int,
                        single_word: false,
                        scale: if base != 0.0 { v / base } else { 1.0 },
                    })
                }
                // a capital `B` glued without a currency before it is a letter (`221B Baker Street`, `Group
                // 4B`), not billions (`$5B`)
                DigitToken::Scaled(_)
                    if self.s(k).ends_with('B')
                        && !(k > self.sent_start.get()
                            && lexicon::currency_prefix(self.s(k - 1)).is_some()) =>
                {
                    None
                }
                DigitToken::Scaled(v) => {
                    // the number as written before its glued scale (`4.5` of `4.5bn`)
                    let digits: String = self
                        .s(k)
                        .chars()
                        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                        .filter(|&c| c != ',')
                        .collect();
                    let base = digits.parse::<f64>().unwrap_or(0.0);
                    Some(Num::glued(
                        v,
                        k + 1,
                        if base != 0.0 { v / base } else { 1.0 },
                    ))
                }
                DigitToken::Fraction(v) => Some(Num::glued(v, k + 1, 1.0)),
                _ => None,
            };
        }
        if self.kind(k) != Some(TokenKind::Word) {
            return None;
        }
        let vague = |value: f64, end: usize| Num {
            value,
            end,
            year: false,
            article: false,
            vague: true,
            digits: false,
            int: None,
            single_word: false,
            scale: 1.0,
        };
        // tens of thousands, hundreds of millions, dozens
        if w == "tens" && self.w(k + 1) == "of" {
            if let Some(v) = lexicon::vague_plural(self.w(k + 2)).filter(|v| *v >= 2000.0) {
                return Some(vague(v * 10.0, k + 3));
            }
            return None;
        }
        if let Some(v) = lexicon::vague_plural(w) {
            if self.w(k + 1) == "of" {
                if let Some(v2) = lexicon::vague_plural(self.w(k + 2)).filter(|v2| *v2 > v) {
                    return Some(vague(v * v2 / 2.0, k + 3));
                }
            }
            return Some(vague(v, k + 1));
        }
        // several, a few, a couple of, with the scale they may have (`several hundred`, `a few million
        // dollars`: OntoNotes train and dev tag `several hundred` and the like a NUMBER 24 times, and
        // hold 23 more in a longer figure): a count without a value
        let few = if matches!(w, "several" | "few" | "couple") {
            Some(k + 1)
        } else if (w == "a" || w == "an") && matches!(self.w(k + 1), "few" | "couple") {
            Some(if self.w(k + 2) == "of" { k + 3 } else { k + 2 })
        } else {
            None
        };
        if let Some(e) = few {
            let (scale, e2) = self.scales(1.0, e);
            if e2 > e {
                return Some(Num {
                    scale,
                    ..vague(f64::NAN, e2)
                });
            }
            return Some(vague(f64::NAN, e));
        }
        // a fraction with `a`: a third of the staff, a quarter of voters (OntoNotes train tags `a third of` a
        // NUMBER 14 times in 16), a third returned; not an ordinal before a noun (`a third term`) nor a part of
        // a period (`a quarter of a century`, `a quarter of the year`)
        // a quarter percent, a quarter of a percent, half of one percent, half a million, a quarter million
        // (and three quarters of a percent, read with the small numbers below)
        if w == "a" || w == "half" {
            if let Some(n) = self.fraction_of(k) {
                return Some(n);
            }
        }
        if w == "a" {
            let fw = self.w(k + 1);
            let share = matches!(fw, "third" | "quarter" | "fourth" | "fifth" | "tenth");
            if let Some(d) = lexicon::fraction_word(fw).filter(|_| share) {
                // (or a change by that share: `rose by a fifth`, `cut by a third in May`, `by about a fifth`)
                let mut b = k.wrapping_sub(1);
                for _ in 0..3 {
                    if !matches!(
                        self.w(b),
                        "about"
                            | "roughly"
                            | "nearly"
                            | "almost"
                            | "around"
                            | "more"
                            | "less"
                            | "than"
                            | "just"
                            | "only"
                            | "well"
                            | "over"
                            | "under"
                    ) {
                        break;
                    }
                    b = b.wrapping_sub(1);
                }
                let by = self.w(b) == "by" && self.no_noun_at(k + 2);
                if by || self.fraction_follows(k + 2) {
                    return Some(Num::words(1.0 / d, k + 2, None, false));
                }
            }
        }
        if (w == "a" || w == "an") && self.is_unit_word(k + 1) {
            return Some(Num {
                value: 1.0,
                end: k + 1,
                year: false,
                article: true,
                vague: false,
                digits: false,
                int: Some(1),
                single_word: false,
                scale: 1.0,
            });
        }
        // half a dozen, a half-dozen
        if w == "half" && matches!(self.w(k + 1), "a" | "an") && self.w(k + 2) == "dozen" {
            return Some(Num::words(6.0, k + 3, Some(6), false));
        }
        {
            let h = match w {
                "half" => self.hyphen(k + 1),
                _ => self.hyphen(k + 2).filter(|_| self.w(k + 1) == "half"),
            };
            if let Some(h) = h.filter(|&h| matches!(w, "half" | "a") && self.w(h) == "dozen") {
                return Some(Num::words(6.0, h + 1, Some(6), false));
            }
        }
        // a word compounded with `half` is no number: half-time, half-hearted, a half-brother (OntoNotes train
        // leaves 13 of 22 such compounds untagged); a unit stays (`half-hour`, `a half-dozen`, `half-point`)
        if w == "half" || (w == "a" && self.w(k + 1) == "half") {
            let h = if w == "half" {
                self.hyphen(k + 1)
            } else {
                self.hyphen(k + 2)
            };
            if let Some(h) = h.filter(|&h| self.kind(h) == Some(TokenKind::Word)) {
                if !self.is_unit_word(h)
                    && !matches!(self.w(h), "dozen" | "point" | "a" | "an" | "and")
                {
                    return None;
                }
            }
        }
        // a half (about a half, more than a half)
        if w == "a"
            && self.w(k + 1) == "half"
            && !self.is_unit_word(k + 2)
            && !matches!(self.w(k + 2), "a" | "an")
        {
            return Some(Num::words(0.5, k + 2, None, false));
        }
        // half, half a mile
        if w == "half" {
            let e = if matches!(self.w(k + 1), "a" | "an") && self.is_unit_word(k + 2) {
                k + 2
            } else {
                k + 1
            };
            return Some(Num::words(0.5, e, None, true));
        }
        let first_ok = lexicon::small_number(w).is_some()
            || ((w == "a" || w == "an") && lexicon::scale_word(self.w(k + 1)).is_some())
            || (w == "a" && self.w(k + 1) == "dozen");
        if !first_ok {
            return None;
        }
        // two-thirds, one third
        if let Some(n) = lexicon::small_number(w).filter(|n| (1.0..10.0).contains(n)) {
            if let Some(n) = self.fraction_of(k) {
                return Some(n);
            }
            let (f, e) = match self.hyphen(k + 1) {
                Some(h) => (lexicon::fraction_word(self.w(h)), h + 1),
                None => {
                    let fw = self.w(k + 1);
                    // three quarters of voters (not of a year: `three quarters of 2025`, `of the year`)
                    let quarters =
                        fw == "quarters" && self.w(k + 2) == "of" && self.fraction_follows(k + 2);
                    (
                        lexicon::fraction_word(fw).filter(|_| {
                            matches!(fw, "third" | "thirds" | "fifths" | "tenths" | "halves")
                                || quarters
                        }),
                        k + 2,
                    )
                }
            };
            if let Some(d) = f {
                return Some(Num::words(n / d, e, None, false));
            }
        }
        let mut ws: [&str; 16] = [""; 16];
        let mut m = 0;
        while m < 16 && k + m < self.limit.get() {
            ws[m] = self.w(k + m);
            m += 1;
        }
        let (v, used) = numbers::words(&ws[..m])?;
        // three and a half million: the scale after the half
        if used >= 3 && ws[used - 1] == "half" {
            let (sv, e2) = self.scales(v, k + used);
            if e2 > k + used {
                return Some(Num {
                    scale: sv / v,
                    ..Num::words(sv, e2, None, false)
                });
            }
        }
        if ws[used..m].first() == Some(&"point") {
            if let Some(n) = self.spoken_decimal(v, k + used) {
                return Some(n);
            }
        }
        let int = (v.fract() == 0.0 && v < 1e6).then_some(v as u32);
        Some(Num {
            value: v,
            end: k + used,
            year: false,
            article: false,
            vague: false,
            digits: false,
            int,
            single_word: used == 1,
            scale: 1.0,
        })
    }

    /// A decimal said in words, `seven point one` (whole part `v`, `point` at `p`), with the digits' words
    /// after `point` and any scale after them (`one point three million`).
    #[inline(never)]
    fn spoken_decimal(&self, v: f64, p: usize) -> Option<Num> {
        if v.fract() != 0.0 || v >= 1000.0 {
            return None;
        }
        let mut frac = String::new();
        let mut e = p + 1;
        while let Some(d) = match self.w(e) {
            "oh" | "zero" => Some(0.0),
            w => lexicon::small_number(w).filter(|d| *d < 10.0),
        } {
            frac.push(char::from(b'0' + d as u8));
            e += 1;
            if frac.len() == 3 {
                break;
            }
        }
        let value: f64 = format!("{v}.{frac}")
            .parse()
            .ok()
            .filter(|_| !frac.is_empty())?;
        let (scaled, end) = self.scales(value, e);
        Some(Num {
            scale: if end > e { scaled / value } else { 1.0 },
            ..Num::words(scaled, end, None, false)
        })
    }

    /// A fraction of a percent or of a scale at `k`: `a quarter percent`, `a quarter of a percent`, `three
    /// quarters of one percent`, `half of one percent` (`half a percent` is read with `half`), and `half a
    /// million`, `a half million`, `half million`, `a quarter of a billion`. Before a percent word the number
    /// ends there, and the caller reads the word as its unit.
    #[inline(never)]
    fn fraction_of(&self, k: usize) -> Option<Num> {
        let w = self.w(k);
        let (value, e) = if w == "half" {
            (0.5, k + 1)
        } else {
            let n = if w == "a" {
                1.0
            } else {
                lexicon::small_number(w).filter(|n| (1.0..10.0).contains(n))?
            };
            (n / lexicon::fraction_word(self.w(k + 1))?, k + 2)
        };
        let percent = |i: usize| {
            matches!(self.w(i), "percent" | "pct" | "%")
                || self.w(i) == "per" && self.w(i + 1) == "cent"
        };
        let of_one = self.w(e) == "of" && matches!(self.w(e + 1), "a" | "one");
        if percent(e) && w != "half" {
            return Some(Num::words(value, e, None, false));
        }
        if of_one && percent(e + 2) {
            return Some(Num::words(value, e + 2, None, false));
        }
        // the scale: right after the fraction, after `of a`, or after `a` for `half` (`half a million`)
        let s = if of_one {
            e + 2
        } else if w == "half" && self.w(e) == "a" {
            e + 1
        } else {
            e
        };
        let (v, end) = self.scales(1.0, s);
        (end > s && v >= 1000.0).then(|| Num {
            scale: v,
            ..Num::words(value * v, end, None, false)
        })
    }

    /// What follows a fraction word at `e` (`a third`, `three quarters`) makes it a share: `of` and a count of
    /// something that is no period (`of the staff`, not `of a century`, `of the year`, `of 2025`), or a verb
    /// (`a third returned`, `a quarter were`).
    fn fraction_follows(&self, e: usize) -> bool {
        let w = self.w(e);
        if w == "of" {
            let det = matches!(
                self.w(e + 1),
                "a" | "an" | "the" | "this" | "that" | "last" | "next"
            );
            let k = if det { e + 2 } else { e + 1 };
            return self.kind(e + 1) == Some(TokenKind::Word)
                && !self.is_unit_word(k)
                && lexicon::month(self.w(k)).is_none()
                && self.kind(k) != Some(TokenKind::Number);
        }
        matches!(
            w,
            "were"
                | "was"
                | "are"
                | "is"
                | "said"
                | "say"
                | "says"
                | "have"
                | "has"
                | "had"
                | "did"
                | "do"
                | "would"
                | "will"
                | "could"
                | "can"
                | "voted"
                | "agreed"
                | "believe"
                | "think"
        ) || (w.len() > 4
            && w.ends_with("ed")
            && w.bytes().all(|c| c.is_ascii_lowercase())
            && !self.cap(e))
    }

    /// Reads a currency mark before a number at `k`: `$`, `US$`, `US $`, `NT$`, `€`, `RMB`.
    fn currency_prefix(&self, k: usize) -> Option<(&'static str, usize)> {
        let s = self.s(k);
        if let Some(code) = lexicon::dollar_country(s) {
            if self.s(k + 1) == "$" && self.glued(k + 1) {
                return Some((code, k + 2));
            }
        }
        if s == "U.S" && self.s(k + 1) == "." && self.s(k + 2) == "$" {
            return Some(("USD", k + 3));
        }
        // the Ghanaian cedi as Ghana's papers write it: `GH¢ 1,300`, `GH¢1,300`
        if s == "GH" && self.s(k + 1) == "¢" && self.glued(k + 1) {
            return Some(("GHS", k + 2));
        }
        if s == "Rs"
            && self.s(k + 1) == "."
            && self.glued(k + 1)
            && self.kind(k + 2) == Some(TokenKind::Number)
        {
            return Some(("INR", k + 2));
        }
        // `#` for the pound as the Wall Street Journal printed it (`# 6 billion`), not a number sign (`Highway #15`)
        if s == "#" && (self.kind(k + 1) != Some(TokenKind::Number) || self.glued(k + 1)) {
            return None;
        }
        // R for the rand only before an amount in millions or more: R5 million, R 2.5bn (R alone is too
        // often a letter, a road or a rating)
        // (and SR for the Saudi riyal: `SR 91` is a state route)
        // (or glued to an amount with cents, which the tokenizer splits off: `R22.50`)
        if (s == "R" || s == "SR" || s == "P" && self.glued(k + 1))
            && self.kind(k + 1) == Some(TokenKind::Number)
        {
            let scaled = matches!(numbers::digit_token(self.s(k + 1)), Some(DigitToken::Scaled(v)) if v >= 1e6)
                || matches!(
                    self.w(k + 2),
                    "million" | "billion" | "trillion" | "bn" | "m"
                );
            let cents = s != "SR"
                && self.glued(k + 1)
                && self
                    .s(k + 1)
                    .split_once('.')
                    .is_some_and(|(_, c)| c.len() == 2);
            let code = match s {
                "R" => "ZAR",
                "P" => "PHP",
                _ => "SAR",
            };
            return (scaled || cents).then_some((code, k + 1));
        }
        // N for the naira only glued to its amount (the tokenizer splits it off only with a scale or
        // thousands: `N2.5bn`, `N1,465`; `N95` stays a mask)
        if s == "N" {
            let glued = self.kind(k + 1) == Some(TokenKind::Number) && self.glued(k + 1);
            return glued.then_some(("NGN", k + 1));
        }
        lexicon::currency_prefix(s).map(|c| (c, k + 1))
    }

    /// A figure that is or starts with a number at `j`, after an optional qualifier that started at `q0`.
    fn numeric(&self, j: usize, approx: Option<Approx>, q0: usize) -> Option<Hit> {
        // the number of a name or code (`COVID-19`, `Su-57`)
        if j == q0 && self.code_number(j) {
            return Some(Hit::skip(j + 1));
        }
        // money with a currency mark
        if let Some((cur, k)) = self.currency_prefix(j) {
            let mut num = self.number(k)?;
            if num.article || num.vague && num.value.is_nan() {
                return None;
            }
            // a scale joined by a hyphen, as an adjective: `a $1.2-billion plan`, `the Rs 2,000-crore project`
            if num.scale == 1.0 && self.glued(num.end) && self.glued(num.end + 1) {
                if let Some(sc) = self
                    .hyphen(num.end)
                    .and_then(|h| lexicon::scale_word(self.w(h)))
                    .filter(|&sc| sc >= 1000.0)
                {
                    num.value *= sc;
                    num.scale = sc;
                    num.end += 2;
                }
            }
            let mut e = num.end;
            let mut currency = cur;
            // $ 5 million dollars, 100 USD
            if let Some(c) =
                lexicon::currency_word(self.w(e)).filter(|_| !matches!(self.w(e), "cent" | "cents"))
            {
                currency = if matches!(c, "USD") { cur } else { c };
                e += 1;
            }
            // ranges: $ 10 to $ 20, $ 10 - 20 million; the value is the first end, which takes the scale
            // written after the second when it has none of its own (`$1.2 to $1.5 billion` from 1.2e9)
            // and the second end is the range's `to`
            let mut amount = num.value;
            let mut to = None;
            // (not a change and the level it reached: `Gold climbed $18 to $2,650`)
            let change = self.w(e) == "to" && self.changed_before(q0);
            // (a second end in another currency is another amount: `$10 to €12`)
            let second = self.currency_prefix(e + 1);
            let same = second.map_or(true, |(c2, _)| c2 == currency);
            if matches!(self.w(e), "to" | "-" | "and") && !change && same {
                let k2 = second.map_or(e + 1, |(_, k)| k);
                if let Some(n2) = self.number(k2).filter(|n| !n.article && !n.vague) {
                    if self.w(e) != "and" || self.w(q0) == "between" {
                        e = n2.end;
                        amount = shared_scale(&num, &n2);
                        to = Some(n2.value).filter(|t| !t.is_nan());
                    }
                }
            }
            // a sign before the currency mark: `-$3m`
            let amount = if self.negates(q0, j) { -amount } else { amount };
            let v = (!amount.is_nan()).then(|| Value::Money {
                to,
                amount,
                currency: currency.to_string(),
            });
            let mut hit = Hit::new(e, Label::Money, v, score::EXPLICIT);
            // Treebank-tokenised text (`$ 15,000`, a space after the sign) follows the OntoNotes convention
            // of leaving the sign out of a plain amount; `$15,000` as people write it keeps it.
            if j == q0 && e == k + 1 && !self.glued(k) && self.s(k - 1).ends_with('$') {
                hit.start = Some(k);
            }
            return Some(hit);
        }
        // digits with letters glued (`5C`, `3.1pc`, `15st`), or a season with a slash
        if self.kind(j) == Some(TokenKind::Number) {
            if let Some(h) = self.glued_reading(j, q0) {
                return Some(h);
            }
        }
        // tokens that carry their own kind of figure
        if self.kind(j) == Some(TokenKind::Number) {
            match numbers::digit_token(self.s(j)) {
                Some(DigitToken::Ordinal(n)) => return Some(self.after_ordinal(n, j + 1)),
                Some(DigitToken::Decade(_)) => return self.decade_hit(j),
                Some(DigitToken::Plain { .. }) if self.s(j + 1).ends_with('s') => {
                    if let Some(h) = self.decade_hit(j) {
                        return Some(h);
                    }
                }
                Some(DigitToken::Clock(h, m, None)) => return Some(self.clock(j + 1, h, m)),
                Some(DigitToken::Clock(h, m, Some(sec))) => {
                    return Some(self.clock_seconds(j, h, m, sec))
                }
                Some(DigitToken::ClockAmPm(h, m)) => return Some(self.clock_zone(j + 1, h, m)),
                Some(DigitToken::WithUnit(v, u)) => {
                    let v = if self.negates(q0, j) { -v } else { v };
                    let (mut amount, mut unit, mut end) = (v, u.to_string(), j + 1);
                    // 30km/h, 5ft 6in
                    if u == "km"
                        && self.s(j + 1) == "/"
                        && self.glued(j + 1)
                        && self.s(j + 2) == "h"
                        && self.glued(j + 2)
                    {
                        unit = "km/h".to_string();
                        end = j + 3;
                    } else if u == "ft" {
                        if let Some(inches) = self.glued_number(j + 1, "in").filter(|n| *n < 12.0) {
                            amount += inches / 12.0;
                            end = j + 2;
                        }
                    }
                    let value = Value::Quantity {
                        to: None,
                        amount,
                        unit,
                    };
                    return Some(Hit::new(end, Label::Quantity, Some(value), score::UNIT));
                }
                Some(DigitToken::SlashDate(m, d, y)) => {
                    let v = Value::Date {
                        date: format!("{y:04}-{m:02}-{d:02}"),
                    };
                    return Some(Hit::new(j + 1, Label::Date, Some(v), score::EXPLICIT));
                }
                _ => {}
            }
        }
        if self.kind(j) == Some(TokenKind::Number) {
            if let Some(h) = self
                .military_time(j)
                .or_else(|| self.clock_duration(j))
                .or_else(|| self.race_distance(j))
            {
                return Some(h);
            }
        }
        let mut num = self.number(j)?;
        if self.negates(q0, j) {
            num.value = -num.value;
        }
        self.after_number(j, num, approx, q0)
    }

    /// A race distance with `m` glued or spaced (`100m`, `10,000m`, `100 m`): metres, not the millions the `m` usually stands for,
    /// when a race word follows (`the 100m final`, `the 400m hurdles`, `a 1500m race`), or when no noun
    /// follows that millions could count and either `men's` / `women's` comes just before (`the women's
    /// 400m.`) or it comes after `the` or `a` in a sentence about a race (`Bolt ran the 100m in 9.58`,
    /// `gold in the 200m.`). `100m people`, `100m euros` and `$100m` (read before this) stay millions.
    fn race_distance(&self, j: usize) -> Option<Hit> {
        // glued (`100m`) or spaced (`100 m`); `j1` is the token after the distance
        let (digits, j1) = match self.s(j).strip_suffix('m') {
            Some(d) => (d, j + 1),
            None if self.s(j + 1) == "m" && self.kind(j + 1) == Some(TokenKind::Word) => {
                (self.s(j), j + 2)
            }
            None => return None,
        };
        let Some(DigitToken::Plain { value, .. }) = numbers::digit_token(digits) else {
            return None;
        };
        let p = j.wrapping_sub(1);
        // a height or length an athlete cleared or threw, or something measured: `cleared 2.06m`, `threw the
        // javelin 89.94m`, `a jump of 8.95m`, `measured 1.2m`, `1.5m tall`
        let field = (j.saturating_sub(3).max(self.sent_start.get())..j).any(|k| {
            matches!(
                self.w(k),
                "cleared"
                    | "jumped"
                    | "vaulted"
                    | "leapt"
                    | "leaped"
                    | "threw"
                    | "thrown"
                    | "hurled"
                    | "javelin"
                    | "discus"
                    | "hammer"
                    | "jump"
                    | "vault"
                    | "throw"
                    | "measured"
                    | "measuring"
                    | "measures"
            )
        });
        // a dimension after it: `366m long`, `4m high`, `a 50m-long section` (the adjective joins the span
        // when hyphenated)
        let dim = |k: usize| {
            matches!(
                self.w(k),
                "tall" | "long" | "high" | "deep" | "wide" | "away" | "underground"
            )
        };
        let (dimension, end) = match self.hyphen(j1) {
            Some(h) if self.glued(j1) && self.glued(h) && dim(h) => (true, h + 1),
            _ => (dim(j1), j1),
        };
        if (field && value < 120.0 || dimension && value < 100_000.0) && value > 0.0 {
            let v = Value::Quantity {
                to: None,
                amount: value,
                unit: "m".to_string(),
            };
            return Some(Hit::new(end, Label::Quantity, Some(v), score::UNIT));
        }
        if value.fract() != 0.0 || !(10.0..=50_000.0).contains(&value) {
            return None;
        }
        let next = self.w(j1);
        // nothing after the distance that it could count: punctuation, the end, a preposition, a verb
        let bare = self.no_noun_at(j1);
        // a distance someone covered: `He ran 100m in 9.58 seconds`, `swam 400m`
        let covered = matches!(
            self.w(p),
            "ran"
                | "run"
                | "runs"
                | "running"
                | "swam"
                | "swim"
                | "swims"
                | "sprinted"
                | "raced"
                | "rowed"
        );
        let gendered = matches!(self.w(p), "'s" | "’s" | "'" | "’")
            && matches!(
                self.w(j.wrapping_sub(2)),
                "men" | "women" | "boys" | "girls"
            );
        let about_race = || {
            let (lo, hi) = (
                self.sent_start.get().max(j.saturating_sub(12)),
                self.limit.get().min(j + 12),
            );
            // (a race time is a cue too: `won the 1,500m in 3:49.11`)
            matches!(self.w(p), "the" | "a" | "an")
                && (lo..hi).any(|k| lexicon::sport_cue(self.w(k)) || self.race_time(k))
        };
        if !(lexicon::race_noun(next) || bare && (covered || gendered || about_race())) {
            return None;
        }
        let v = Value::Quantity {
            to: None,
            amount: value,
            unit: "m".to_string(),
        };
        Some(Hit::new(j1, Label::Quantity, Some(v), score::UNIT))
    }

    /// Token `k` is a race time: minutes, seconds and hundredths (`3:49.11`, `1:43.2`).
    fn race_time(&self, k: usize) -> bool {
        let b = self.s(k).as_bytes();
        let colon = b.iter().position(|&c| c == b':');
        let dot = b.iter().rposition(|&c| c == b'.');
        matches!((colon, dot), (Some(c), Some(d)) if c > 0 && d == c + 3 && d + 1 < b.len())
            && b.iter()
                .all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.'))
    }

    /// A word of paying within the six tokens before `e` (in the sentence) and none of weighing: what
    /// follows is an amount of money (`paid five hundred pounds`, `costs more than three pounds`).
    #[inline(never)]
    fn priced_before(&self, e: usize) -> bool {
        let lo = self.sent_start.get().max(e.saturating_sub(6));
        let mut paid = false;
        for k in lo..e {
            match self.w(k) {
                "pay" | "pays" | "paid" | "paying" | "cost" | "costs" | "costing" | "charge"
                | "charges" | "charged" | "fine" | "fined" | "worth" | "salary" | "earn"
                | "earns" | "earned" | "spend" | "spent" | "price" | "priced" | "prices"
                | "fee" | "bill" | "wage" | "wages" | "sold" | "bought" | "raised" | "donated"
                | "owed" | "owes" => paid = true,
                "weigh" | "weighs" | "weighed" | "weighing" | "weight" | "lost" | "gained" => {
                    return false
                }
                _ => {}
            }
        }
        paid
    }

    /// A time of day said as minutes past or to the hour at `i`: `half past nine` (09:30), `quarter to six`
    /// (05:45), `twenty past four`, `ten past 8`. Only `quarter` goes with `to` (`ten to five` is as often a
    /// range). Morning hours unless `in the evening` or the like follows.
    #[inline(never)]
    fn spoken_clock(&self, i: usize) -> Option<Hit> {
        let (w, rel) = (self.w(i), self.w(i + 1));
        let minutes = match w {
            "half" => 30,
            "quarter" => 15,
            _ if rel == "past" => lexicon::small_number(w)
                .filter(|m| m.fract() == 0.0 && (1.0..=29.0).contains(m))?
                as u32,
            _ => return None,
        };
        if rel == "to" && w != "quarter" {
            return None;
        }
        let hw = self.w(i + 2);
        let hour = lexicon::small_number(hw)
            .or_else(|| hw.parse::<f64>().ok())
            .filter(|h| h.fract() == 0.0 && (1.0..=12.0).contains(h))? as u32;
        let (h, m) = if rel == "past" {
            (hour, minutes)
        } else {
            (if hour == 1 { 12 } else { hour - 1 }, 60 - minutes)
        };
        let (h, end) = self.part_of_day(i + 3, h);
        let v = Value::Time {
            time: format!("{h:02}:{m:02}"),
        };
        Some(Hit::new(end, Label::Time, Some(v), score::EXPLICIT))
    }

    /// The word before `q0` (skipping `by` or `from`) says that something moved: what follows is a change or
    /// the level it started from, and a `to` after it leads to the level reached, not to the other end of a
    /// range (`rose $2 to $80`, `will increase by £106 to £2,280`, `rise from $13.99 to $15.49`).
    #[inline(never)]
    fn changed_before(&self, q0: usize) -> bool {
        let mut p = q0.wrapping_sub(1);
        if matches!(self.w(p), "by" | "from") {
            p = p.wrapping_sub(1);
        }
        p >= self.sent_start.get()
            && matches!(
                self.w(p),
                "rose"
                    | "fell"
                    | "climbed"
                    | "gained"
                    | "lost"
                    | "dropped"
                    | "jumped"
                    | "slipped"
                    | "added"
                    | "shed"
                    | "declined"
                    | "increased"
                    | "decreased"
                    | "soared"
                    | "tumbled"
                    | "surged"
                    | "plunged"
                    | "eased"
                    | "edged"
                    | "advanced"
                    | "rises"
                    | "falls"
                    | "climbs"
                    | "gains"
                    | "drops"
                    | "jumps"
                    | "slips"
                    | "sank"
                    | "slid"
                    | "rallied"
                    | "up"
                    | "down"
                    | "higher"
                    | "lower"
                    | "rise"
                    | "fall"
                    | "increase"
                    | "increases"
                    | "decrease"
                    | "decreases"
                    | "climb"
                    | "drop"
                    | "jump"
                    | "grow"
                    | "grew"
                    | "grows"
                    | "raise"
                    | "raised"
                    | "raises"
                    | "hike"
                    | "hiked"
                    | "lift"
                    | "lifted"
                    | "reduce"
                    | "reduced"
                    | "cut"
                    | "cuts"
                    | "slash"
                    | "slashed"
                    | "lowered"
                    | "boost"
                    | "boosted"
                    | "rising"
                    | "falling"
                    | "increasing"
                    | "going"
            )
    }

    /// A clock time written with a dot at `j` (`departs at 23.59`, `lands at 6.50`, `10.01 GMT`; `kick-off at
    /// 7.45pm` is read elsewhere): hours and minutes, with a time zone after them, or after `at` when a word of
    /// a timetable comes just before it (not a price: `shares closed at 6.50`).
    #[inline(never)]
    fn dotted_clock(&self, j: usize) -> Option<Hit> {
        let (h, m) = self.s(j).split_once('.')?;
        if m.len() != 2 || h.is_empty() || h.len() > 2 {
            return None;
        }
        let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
        if h > 23 || m > 59 {
            return None;
        }
        let zoned = self.zone(j + 1);
        if zoned > j + 1 {
            let v = Value::Time {
                time: format!("{h:02}:{m:02}"),
            };
            return Some(Hit::new(zoned, Label::Time, Some(v), score::EXPLICIT));
        }
        if self.w(j.wrapping_sub(1)) != "at" {
            return None;
        }
        let lo = self.sent_start.get().max(j.saturating_sub(8));
        let timetable = (lo..j - 1).any(|k| {
            matches!(
                self.w(k),
                "departs"
                    | "departed"
                    | "depart"
                    | "leaves"
                    | "left"
                    | "arrives"
                    | "arrived"
                    | "arrive"
                    | "lands"
                    | "landed"
                    | "land"
                    | "start"
                    | "starts"
                    | "started"
                    | "begin"
                    | "begins"
                    | "began"
                    | "resume"
                    | "resumes"
                    | "kick"
                    | "kicks"
                    | "opens"
                    | "opened"
                    | "train"
                    | "flight"
                    | "bus"
                    | "ferry"
            )
        });
        timetable.then(|| {
            let v = Value::Time {
                time: format!("{h:02}:{m:02}"),
            };
            Hit::new(j + 1, Label::Time, Some(v), score::EXPLICIT)
        })
    }

    /// Hour `h` (1 to 12) on the 24-hour clock when `at night`, `in the afternoon`, `in the evening` or `in the
    /// morning` follows at `e` (`ten o'clock at night` is 22, `twelve at night` 0), with the token after the
    /// words; else `h` as written and `e`.
    fn part_of_day(&self, e: usize, h: u32) -> (u32, usize) {
        match (self.w(e), self.w(e + 1), self.w(e + 2)) {
            ("at", "night", _) => (numbers::to_24h(h, (5..=11).contains(&h)), e + 2),
            ("in", "the", "afternoon" | "evening") => (numbers::to_24h(h, true), e + 3),
            ("in", "the", "morning") => (numbers::to_24h(h, false), e + 3),
            _ => (h, e),
        }
    }

    /// A race time (`3:49.11`, see [`Self::race_time`]) as the duration it is: `PT3M49.11S`.
    #[inline(never)]
    fn race_time_hit(&self, j: usize) -> Option<Hit> {
        let (m, secs) = self.s(j).split_once(':')?;
        let (m, s): (u32, f64) = (m.parse().ok()?, secs.parse().ok()?);
        if s >= 60.0 || m >= 600 {
            return None;
        }
        let secs = secs.trim_start_matches('0');
        let secs = if secs.starts_with('.') {
            format!("0{secs}")
        } else {
            secs.to_string()
        };
        let duration = if m > 0 {
            format!("PT{m}M{secs}S")
        } else {
            format!("PT{secs}S")
        };
        Some(Hit::new(
            j + 1,
            Label::Time,
            Some(Value::Duration { duration }),
            score::EXPLICIT,
        ))
    }

    /// The second end of a range at `k` with its unit glued to it (`25kg` in `20-25kg`), read with the
    /// first end's amount `first` and its own as the `to`.
    #[inline(never)]
    fn glued_unit_range(&self, k: usize, first: Option<f64>) -> Option<Hit> {
        let h2 = self.numeric(k, None, k)?;
        let amount = matches!(
            h2.label,
            Some(Label::Quantity | Label::Percent | Label::Money)
        );
        if h2.start.is_some() || !amount {
            return None;
        }
        let v = first
            .zip(h2.value.clone())
            .and_then(|(a, v2)| range_value(with_amount(v2.clone(), a), Some(v2)));
        Some(Hit { value: v, ..h2 })
    }

    /// A count written as a tight range, `50-60 people` or `200–300 missiles`, from the first end `num`
    /// (hyphen at `e`, second end ending at `r`): one NUMBER from the first end to the second. Not a score
    /// or a vote (`a 3-2 win`, the higher number first), a phone number (`555-1234`) or a code (`7-0011`): the
    /// second end is the larger, by at most ten times, without a leading zero, and a word follows that is
    /// not a result's.
    #[inline(never)]
    fn tight_number_range(
        &self,
        num: &Num,
        e: usize,
        r: usize,
        approx: Option<Approx>,
    ) -> Option<Hit> {
        if self.w(e) != "-" || !self.glued(e) || !self.glued(e + 1) || r != e + 2 || !num.digits {
            return None;
        }
        let n2 = self.number(e + 1)?;
        let (a, b) = (num.value, n2.value);
        let second = self.s(e + 1);
        let phone = self.s(e - 1).len() == 3 && second.len() == 4;
        if !(a > 0.0 && a < b && b <= 10.0 * a) || second.starts_with('0') || phone || !n2.digits {
            return None;
        }
        let next = self.w(r);
        let word = !next.is_empty() && next.bytes().all(|c| c.is_ascii_lowercase());
        // or the end of a clause after a count in hundreds or more (`put the crowd at 30,000-40,000.`), not
        // after a result (`they won 101-99.`)
        let after_result = matches!(
            self.w(e.wrapping_sub(2)),
            "won"
                | "lost"
                | "beat"
                | "beaten"
                | "defeated"
                | "drew"
                | "trailed"
                | "led"
                | "leads"
                | "scored"
                | "score"
                | "by"
                | "was"
                | "were"
                | "is"
                | "ended"
                | "finished"
        );
        let clause_end =
            a >= 100.0 && matches!(next, "" | "." | "," | ";" | ":" | ")") && !after_result;
        let word = word || clause_end;
        let result = matches!(
            next,
            "win"
                | "wins"
                | "victory"
                | "defeat"
                | "loss"
                | "lead"
                | "draw"
                | "tie"
                | "vote"
                | "votes"
                | "decision"
                | "margin"
                | "majority"
                | "split"
                | "scoreline"
                | "record"
                | "series"
                | "win-loss"
                | "aggregate"
                | "home"
                | "away"
                | "over"
                | "against"
                | "in"
                | "at"
                | "on"
        );
        if !word || result {
            return None;
        }
        let v = Value::Number {
            number: a,
            approx,
            to: Some(b),
        };
        Some(Hit::new(r, Label::Number, Some(v), score::DIGITS))
    }

    /// What follows a number decides its label.
    fn after_number(&self, j: usize, num: Num, approx: Option<Approx>, q0: usize) -> Option<Hit> {
        let mut e = num.end;
        let value = (!num.value.is_nan()).then_some(num.value);
        // a range whose unit follows the second number: 1,300 to 2,600 meters, three to four feet, 8 % to 9 %
        let mut range_end = None;
        if matches!(self.w(e), "to" | "-" | "or" | "and" | "through") && !num.article {
            if let Some(n2) = self.number(e + 1).filter(|n| !n.article && !n.vague) {
                if self.w(e) != "and"
                    || self.w(q0) == "between"
                    || self.w(q0.wrapping_sub(1)) == "between"
                {
                    range_end = Some(n2.end);
                }
            }
        }
        // a range whose second end has its unit glued to it: `20-25kg`, `10-15C`, `5-7pc`
        if range_end.is_none()
            && matches!(self.w(e), "-" | "to")
            && !num.article
            && !num.vague
            && self.kind(e + 1) == Some(TokenKind::Number)
        {
            if let Some(h) = self.glued_unit_range(e + 1, value) {
                return Some(h);
            }
        }
        // `departs at 23.59`: a clock time written with a dot, as British timetables do
        if num.digits && q0 == j && e == j + 1 {
            if let Some(h) = self.dotted_clock(j) {
                return Some(h);
            }
        }
        // half past nine, twenty past four
        if !num.digits && q0 == j && self.w(e) == "past" {
            if let Some(h) = self.spoken_clock(j) {
                return Some(h);
            }
        }
        // the rapper, wherever he stands in the sentence (`rap star Fifty Cent`, `If Fifty Cent does`)
        if !num.digits && matches!(self.s(e), "Cent" | "Cents") && self.cap(j) {
            return Some(Hit::skip(e + 1));
        }
        // `a one-off payment`, `one-on-one talks`: no count
        if num.single_word && num.value == 1.0 {
            if let Some(h) = self.hyphen(e).filter(|_| self.glued(e)) {
                if matches!(self.w(h), "off" | "offs") {
                    return Some(Hit::skip(h + 1));
                }
                if let Some(h2) = self
                    .hyphen(h + 1)
                    .filter(|_| matches!(self.w(h), "on" | "to"))
                {
                    return Some(Hit::skip(h2 + 1));
                }
            }
        }
        // `net zero` is a target, not a count
        if num.single_word && num.value == 0.0 && q0 == j && self.w(j.wrapping_sub(1)) == "net" {
            return Some(Hit::skip(e));
        }
        // `one day` is mostly the idiom (one day he left), neither a period nor a count
        if num.single_word
            && num.value == 1.0
            && self.w(e) == "day"
            && !matches!(self.w(e + 1), "ago" | "earlier" | "later")
        {
            return Some(Hit::skip(e + 1));
        }
        let unit_at = |e: usize| -> Option<(Label, Option<Value>, f32, usize)> {
            self.unit_after(e, value, &num, q0 < j)
        };
        if let Some((label, v, sc, end)) = unit_at(e) {
            // 8 % to 9 %, between 3% and 5%
            let between = self.w(q0) == "between" || self.w(q0.wrapping_sub(1)) == "between";
            let joiner =
                matches!(self.w(end), "to" | "-" | "–") || (between && self.w(end) == "and");
            if matches!(label, Label::Percent | Label::Money | Label::Quantity) && joiner {
                if let Some(n2) = self.number(end + 1) {
                    if let Some((l2, v2, _, end2)) =
                        self.unit_after(n2.end, Some(n2.value), &n2, q0 < j)
                    {
                        if l2 == label {
                            return Some(Hit::new(end2, label, range_value(v, v2), sc));
                        }
                    }
                }
            }
            return Some(Hit::new(end, label, v, sc));
        }
        if let Some(r) = range_end {
            let n2 = self.number(e + 1).unwrap();
            if let Some((label, v2, sc, end)) = self.unit_after(r, Some(n2.value), &n2, q0 < j) {
                // the value of a range of amounts is its first end, with the unit (and the scale, when the
                // first end has none: `5 to 7 million euros`) written after the second: `12-15 percent` 12,
                // `3.5-4 kg` 3.5 kg; a range of periods (`three to four years`) has no single value
                let first = value
                    .filter(|_| !num.vague)
                    .map(|_| shared_scale(&num, &n2));
                let v = match label {
                    Label::Percent | Label::Money | Label::Quantity | Label::Number => first
                        .and_then(|a| self.unit_after(r, Some(a), &n2, q0 < j))
                        .filter(|(l2, ..)| *l2 == label)
                        .and_then(|(_, v, ..)| v),
                    _ => None,
                };
                return Some(Hit::new(end, label, range_value(v, v2), sc));
            }
        }
        if num.article {
            return None;
        }
        // a range of days in one month: 10 to 14 April, 10-14 April, between 10 and 14 April
        if let Some(h) = self.day_range(j, &num, q0) {
            return Some(h);
        }
        if self.w(q0) == "between" {
            if let (Some(r), false) = (range_end, num.vague) {
                // between 2019 and 2021: a DATE, `between` included as in OntoNotes
                if let Some(n2) = self
                    .number(e + 1)
                    .filter(|n2| num.year && n2.year && n2.end == r)
                {
                    let v = Value::Date {
                        date: format!("{:04}/{:04}", num.value as i64, n2.value as i64),
                    };
                    return Some(Hit::new(r, Label::Date, Some(v), score::YEAR));
                }
                // between 10 and 12: the first end, as for the other ranges
                let v = value.zip(self.number(e + 1)).map(|(_, n2)| Value::Number {
                    to: Some(n2.value).filter(|t| !t.is_nan()),
                    number: shared_scale(&num, &n2),
                    approx: None,
                });
                return Some(Hit::new(r, Label::Number, v, score::DIGITS));
            }
            // `between` without a range is not part of the figure
            let mut h = self.after_number(j, num, approx, j)?;
            h.start = Some(j);
            return Some(h);
        }
        // a day-first date: 6 January 2022, 6th of January
        if let Some(d) = num
            .int
            .filter(|d| (1..=31).contains(d) && num.digits && num.end == j + 1)
        {
            if let Some(h) = self.month_after_day(e, d) {
                return Some(h);
            }
            // with hyphens: 25-Nov-2026
            if self.is_hyphen(e) && self.glued(e) && self.glued(e + 1) {
                if let Some(h) = self.month_after_day(e + 1, d) {
                    return Some(h);
                }
            }
        }
        // four in the morning
        if let Some(h) = num.int.filter(|h| (1..=12).contains(h)) {
            if self.w(e) == "in"
                && self.w(e + 1) == "the"
                && matches!(self.w(e + 2), "morning" | "afternoon" | "evening")
            {
                let pm = self.w(e + 2) != "morning";
                let v = Value::Time {
                    time: format!("{:02}:00", numbers::to_24h(h, pm)),
                };
                return Some(Hit::new(e + 3, Label::Time, Some(v), score::UNIT));
            }
            if self.w(e) == "at" && self.w(e + 1) == "night" {
                let v = Value::Time {
                    time: format!("{:02}:00", numbers::to_24h(h, true)),
                };
                return Some(Hit::new(e + 2, Label::Time, Some(v), score::UNIT));
            }
        }
        // a year of an era: 1000 BC, 79 AD, 300 BCE, around 1000 BC
        if num.digits
            && matches!(approx, None | Some(Approx::About))
            && matches!(self.s(e).as_bytes().first(), Some(b'B' | b'A' | b'C'))
        {
            if let Some(h) = num.int.and_then(|y| self.era_year(y, e)) {
                return Some(h);
            }
        }
        // (a vague count with a scale stays: `several hundred`)
        if num.vague && num.value.is_nan() && num.scale == 1.0 {
            return None;
        }
        // a bare year, or one with `about` or `around` and no noun after it: built around 1900 (not `about
        // 2000 people`)
        if num.year && (approx.is_none() || approx == Some(Approx::About) && self.no_noun_at(e)) {
            e = num.end;
            let v = Value::Date {
                date: format!("{:04}", num.value as i64),
            };
            return Some(Hit::new(e, Label::Date, Some(v), score::YEAR));
        }
        // `one of`, `no one`, `the one`: a pronoun, not a number
        if num.single_word && num.value == 1.0 && approx.is_none() && q0 == j {
            let next = self.w(e);
            let pronoun_next = next.is_empty()
                || matches!(
                    next,
                    "another"
                        | "'s"
                        | "’s"
                        | ","
                        | "."
                        | "?"
                        | "!"
                        | ";"
                        | ":"
                        | ")"
                        | "by"
                        | "who"
                        | "that"
                        | "which"
                        | "\""
                        | "”"
                        | "--"
                        | "'"
                        | "would"
                        | "could"
                        | "should"
                        | "must"
                        | "can"
                        | "might"
                        | "may"
                        | "is"
                        | "has"
                        | "had"
                        | "was"
                        | "to"
                        | "after"
                        | "does"
                        | "did"
                        | "day"
                        | "will"
                        | "else"
                        | "at"
                );
            let pronoun_prev = matches!(
                self.w(j.wrapping_sub(1)),
                "no" | "the"
                    | "any"
                    | "every"
                    | "this"
                    | "that"
                    | "which"
                    | "each"
                    | "someone"
                    | "little"
                    | "new"
                    | "big"
                    | "last"
                    | "next"
                    | "other"
                    | "right"
                    | "good"
                    | "old"
                    | "bad"
                    | "young"
                    | "such"
                    | "same"
                    | "only"
            );
            if pronoun_next || pronoun_prev {
                return None;
            }
        }
        // `50-60 people`: a range written tight is one figure
        if let Some(h) = range_end.and_then(|r| self.tight_number_range(&num, e, r, approx)) {
            return Some(h);
        }
        if approx.is_none() && q0 == j && num.end == j + 1 {
            // scores and votes in spaced text: 230 - 215, 5 - for - 24
            // (OntoNotes keeps the first number of a spaced score as a cardinal and leaves the second)
            if self.w(e) == "-"
                && (self.kind(e + 1) == Some(TokenKind::Number) || self.w(e + 1) == "for")
            {
                let v = value.map(|n| Value::Number {
                    to: None,
                    number: n,
                    approx: None,
                });
                let mut h = Hit::new(e, Label::Number, v, score::DIGITS);
                if self.kind(e + 1) == Some(TokenKind::Number) && self.w(e + 2) != "-" {
                    h.label = Some(Label::Number);
                }
                return Some(h);
            }
            if self.w(j.wrapping_sub(1)) == "-"
                && self.kind(j.wrapping_sub(2)) == Some(TokenKind::Number)
            {
                return Some(Hit::skip(e));
            }
            // part of a name or a code: Interleukin - 3, S&P 500, Section 8, World War Two, BMP-1 (not after
            // a dash: a hyphen before a line break, or spaced before a number in words: `London -\nFour`)
            let dash = |h: usize| {
                self.tk(h).is_some_and(|t| {
                    self.tk(j)
                        .is_some_and(|n| self.text[t.end..n.start].contains('\n'))
                        || t.space && !self.glued(j) && !num.digits
                })
            };
            let p = if self.is_hyphen(j.wrapping_sub(1)) && !dash(j.wrapping_sub(1)) {
                j.wrapping_sub(2)
            } else {
                j.wrapping_sub(1)
            };
            let prev_name = self
                .tk(p)
                .is_some_and(|t| !t.first && t.kind == TokenKind::Word)
                && self.cap(p)
                && lexicon::month(self.w(p)).is_none()
                && lexicon::weekday(self.w(p)).is_none()
                && lexicon::dollar_country(self.s(p)).is_none()
                && !matches!(self.w(p), "no." | "nos." | "i" | "and" | "or");
            if prev_name && (num.digits || self.cap(j)) {
                return Some(Hit::skip(e));
            }
            // glued into an identifier, a URL or a list marker: 586.14_588.20, images/41186000, *1
            let glued_sym =
                |k: usize| matches!(self.s(k), "_" | "/" | "=" | "*" | "#" | "@" | "&" | "\\");
            if num.digits
                && ((self.glued(j) && glued_sym(j.wrapping_sub(1)))
                    || (self.glued(e) && glued_sym(e)))
            {
                return Some(Hit::skip(e));
            }
        }
        // a capitalised number word inside a sentence before a capitalised word: Three Gorges, Fifty Cent
        if !num.digits
            && approx.is_none()
            && q0 == j
            && self.cap(j)
            && self.kind(e) == Some(TokenKind::Word)
            && self.cap(e)
        {
            let p = j.wrapping_sub(1);
            let after_word = self.tk(p).is_some_and(|t| t.kind == TokenKind::Word) && !self.cap(p)
                || self.w(p) == ",";
            if after_word && !self.is_unit_word(e) && lexicon::month(self.w(e)).is_none() {
                return Some(Hit::skip(e));
            }
        }
        // a number inside a name: 247 News Agency, Boeing 747
        if num.digits && approx.is_none() && num.int.is_some() && num.end == j + 1 {
            let next_name = self.kind(e) == Some(TokenKind::Word)
                && self.cap(e)
                && !self.is_unit_word(e)
                && lexicon::month(self.w(e)).is_none();
            if next_name && self.kind(e + 1) == Some(TokenKind::Word) && self.cap(e + 1) {
                return Some(Hit::skip(e));
            }
        }
        // `2` in `2 to 3 million` (OntoNotes tags the two ends apart) is two million
        let value = match (value, range_end.and_then(|_| self.number(e + 1))) {
            (Some(_), Some(n2)) => Some(shared_scale(&num, &n2)),
            (v, _) => v,
        };
        // a vague plural gives its least value (`hundreds` at least 200, `tens of thousands` at least 20,000)
        let approx = if num.vague {
            approx.or(Some(Approx::AtLeast))
        } else {
            approx
        };
        let v = value.map(|n| Value::Number {
            to: None,
            number: n,
            approx,
        });
        let sc = if num.vague {
            score::VAGUE
        } else if num.digits {
            score::DIGITS
        } else {
            score::WORDS
        };
        Some(Hit::new(e, Label::Number, v, sc))
    }

    /// A unit after a number ending at `e`: the label, value, score and end of the figure.
    fn unit_after(
        &self,
        e: usize,
        value: Option<f64>,
        num: &Num,
        qualified: bool,
    ) -> Option<(Label, Option<Value>, f32, usize)> {
        let w = self.w(e);
        // percentages
        if w == "%" || w == "percent" || w == "pct" || w == "pct." || self.s(e) == "pc" {
            return Some((
                Label::Percent,
                value.map(|p| Value::Percent {
                    to: None,
                    percent: p,
                }),
                score::EXPLICIT,
                e + 1,
            ));
        }
        if w == "per" && self.w(e + 1) == "cent" {
            return Some((
                Label::Percent,
                value.map(|p| Value::Percent {
                    to: None,
                    percent: p,
                }),
                score::EXPLICIT,
                e + 2,
            ));
        }
        // a distance in light years (`six light years`, `4.2 light-years`), not a period
        if w == "light" {
            let end = match self.hyphen(e + 1) {
                Some(h) => h,
                None => e + 1,
            };
            if matches!(self.w(end), "year" | "years") {
                let v = value.filter(|_| !num.vague).map(|a| Value::Quantity {
                    to: None,
                    amount: a,
                    unit: "ly".to_string(),
                });
                return Some((Label::Quantity, v, score::UNIT, end + 1));
            }
        }
        // temperatures and angles with a degree sign: 5°C, 41 °F, 30 ºC, 5 ℃ (unit `°C`, `°F`, or `deg` as
        // for `degrees` when no scale is written: 45°)
        if let Some((end, unit)) = self.degree_sign(e) {
            let v = value.filter(|_| !num.vague).map(|a| Value::Quantity {
                to: None,
                amount: a,
                unit: unit.to_string(),
            });
            return Some((Label::Quantity, v, score::EXPLICIT, end));
        }
        // clock times: 3 p.m., 10 o'clock
        if let Some(h) = num.int.filter(|h| (1..=12).contains(h)) {
            if let Some((pm, end)) = self.ampm_at(e) {
                let v = Value::Time {
                    time: format!("{:02}:00", numbers::to_24h(h, pm)),
                };
                return Some((Label::Time, Some(v), score::EXPLICIT, self.zone(end)));
            }
            // 12 noon, 12 midnight
            if h == 12 && matches!(w, "noon" | "midnight") {
                let v = Value::Time {
                    time: if w == "noon" { "12:00" } else { "00:00" }.to_string(),
                };
                return Some((Label::Time, Some(v), score::EXPLICIT, e + 1));
            }
            if w == "o'clock" || (w == "o" && self.w(e + 1) == "'clock") {
                let end = e + if w == "o" { 2 } else { 1 };
                // ten o'clock at night, in the evening, in the morning
                let (h, end) = self.part_of_day(end, h);
                let v = Value::Time {
                    time: format!("{:02}:00", h),
                };
                return Some((Label::Time, Some(v), score::EXPLICIT, end));
            }
        }
        // a compound adjective of money: a 10-dollar bill, a five-cent coin (OntoNotes train and dev: a MONEY 31
        // times in 33; `20-pound` stays a weight)
        if let Some(h) = self.hyphen(e).filter(|_| !num.vague) {
            let cw = self.w(h);
            if matches!(cw, "dollar" | "cent" | "euro" | "yen" | "yuan") {
                let code = lexicon::currency_word(cw).unwrap_or("USD");
                let v = value.map(|a| Value::Money {
                    to: None,
                    amount: if cw == "cent" { hundredth(a) } else { a },
                    currency: code.to_string(),
                });
                return Some((Label::Money, v, score::UNIT, h + 1));
            }
        }
        // money with a currency word, possibly after a country adjective: 20 million euros, 160 US dollars
        {
            let mut k = e;
            let mut country = None;
            // the last adjective names the country: New Taiwan, South African, Sri Lankan
            while k < e + 3
                && (self.cap(k) || self.w(k) == "nt")
                && (lexicon::currency_country(self.w(k)).is_some()
                    || (lexicon::country_first_word(self.w(k)) && self.cap(k + 1)))
            {
                country = lexicon::currency_country(self.w(k)).or(country);
                if self.w(k) == "korean" && self.w(k.wrapping_sub(1)) == "north" {
                    country = Some("KPW");
                }
                k += 1;
            }
            let cw = self.w(k);
            // `won` is a verb after a bare number (`Smith, 25, won`): money only after a Korean adjective or
            // with a scale (`500 billion won`); `real` only after `Brazilian`
            let won_ok =
                cw == "won" && (matches!(country, Some("KRW" | "KPW")) || self.scaled_number(e));
            let real = matches!(cw, "real" | "reals") && country == Some("BRL");
            let code = match cw {
                "won" if won_ok => Some("KRW"),
                // crowns of a country: Swedish, Norwegian, Danish, Czech
                "crown" | "crowns" => {
                    country.filter(|c| matches!(*c, "SEK" | "NOK" | "DKK" | "CZK"))
                }
                "won" | "mark" | "pound" => None,
                _ if real => Some("BRL"),
                _ => lexicon::currency_word(cw),
            };
            // an ISO code after the amount: 500 KES, 10 CHF
            let code = code.or_else(|| lexicon::iso_code(self.s(k)).filter(|_| country.is_none()));
            if let Some(code) = code {
                let code = if lexicon::shared_currency_name(cw) || real {
                    country.unwrap_or(code)
                } else {
                    code
                };
                let amount = value.map(|v| {
                    if matches!(cw, "cent" | "cents" | "pence" | "penny" | "pennies") {
                        hundredth(v)
                    } else {
                        v
                    }
                });
                // 500 million yuan RMB
                let end = if matches!(self.s(k + 1), "RMB" | "USD" | "EUR") {
                    k + 2
                } else {
                    k + 1
                };
                return Some((
                    Label::Money,
                    amount.map(|a| Value::Money {
                        to: None,
                        amount: a,
                        currency: code.to_string(),
                    }),
                    score::UNIT,
                    end,
                ));
            }
            // pounds: sterling after a country adjective or `sterling`, or with a scale of millions unless
            // something is weighed (`240 million pounds`, but `65 million pounds of mushrooms`: OntoNotes train
            // and dev have 7 of the first kind, all MONEY, and 2 of the second, both QUANTITY)
            let sterling = num.scale >= 1e6 && self.w(k + 1) != "of";
            if cw == "pounds"
                && (country.is_some()
                    || self.w(k + 1) == "sterling"
                    || sterling
                    || self.w(k + 1) != "of" && self.priced_before(e))
            {
                let code = if country == Some("USD") {
                    "GBP"
                } else {
                    country.unwrap_or("GBP")
                };
                let end = if self.w(k + 1) == "sterling" {
                    k + 2
                } else {
                    k + 1
                };
                return Some((
                    Label::Money,
                    value.map(|a| Value::Money {
                        to: None,
                        amount: a,
                        currency: code.to_string(),
                    }),
                    score::UNIT,
                    end,
                ));
            }
        }
        // hundreds of meters
        if num.vague && w == "of" && !num.value.is_nan() {
            if lexicon::unit(self.w(e + 1)).is_some_and(|u| !matches!(u, "cubic" | "deg" | "lb")) {
                return Some((Label::Quantity, None, score::UNIT, e + 2));
            }
        }
        // billions of dollars
        if num.vague && w == "of" {
            if matches!(
                self.w(e + 1),
                "dollars" | "euros" | "yen" | "yuan" | "pounds"
            ) {
                return Some((Label::Money, None, score::UNIT, e + 2));
            }
        }
        // compound adjectives: 30-year, 186-kilometer, two-year-old
        let (u, hyph) = match self.hyphen(e) {
            Some(h) if self.kind(h) == Some(TokenKind::Word) => (h, true),
            _ => (e, false),
        };
        let (u, uw) = match self.w(u) {
            "straight" | "consecutive" | "successive" | "more" | "previous" | "additional"
            | "full" | "working" | "business" | "calendar"
                if !hyph
                    && !num.article
                    && self.w(u + 1).ends_with('s')
                    && (lexicon::date_unit(self.w(u + 1)).is_some()
                        || lexicon::time_unit(self.w(u + 1)).is_some()) =>
            {
                (u + 1, self.w(u + 1))
            }
            _ => (u, self.w(u)),
        };
        if let Some((letter, per)) = lexicon::date_unit(uw) {
            // (`a year` alone is mostly no figure, but a qualified one is: `nearly a decade`, `about a
            // year`, which OntoNotes tags 78 times in 114)
            if num.article
                && !matches!(
                    self.w(u + 1),
                    "ago" | "earlier" | "later" | "before" | "after" | "old" | "and"
                )
                && !hyph
                && !qualified
            {
                return None;
            }
            let mut end = u + 1;
            // -old, years old, ago, earlier
            if let Some(h) = self.hyphen(end).filter(|&h| self.w(h) == "old") {
                end = h + 1;
            } else if matches!(self.w(end), "old" | "ago" | "earlier" | "later") {
                end += 1;
            } else if self.w(end) == "from" && self.w(end + 1) == "now" {
                end += 2;
            } else if self.w(end) == "and" && self.w(end + 1) == "a" && self.w(end + 2) == "half" {
                end += 3;
            }
            // two years and a half
            let value = value.map(|n| {
                if end == u + 4 && self.w(u + 3) == "half" {
                    n + 0.5
                } else {
                    n
                }
            });
            // 3 years and 2 months: one period
            if end == u + 1 && !hyph && per == 1.0 && !num.vague {
                if let Some((rest, e2)) = self.duration_rest(end, letter, false) {
                    let v = value.map(|n| Value::Duration {
                        duration: format!("{}{rest}", duration(n, letter, false)),
                    });
                    return Some((Label::Date, v, score::DURATION, e2));
                }
            }
            let v = value
                .filter(|_| !num.vague && uw != "weekend" && uw != "weekends")
                .map(|n| self.ago(n * per, letter, self.w(end - 1) == "ago" && end > u + 1));
            return Some((Label::Date, v, score::DURATION, end));
        }
        if let Some(letter) = lexicon::time_unit(uw) {
            if num.article && !matches!(self.w(u + 1), "ago" | "earlier" | "later" | "and") && !hyph
            {
                return None;
            }
            let mut end = u + 1;
            if matches!(self.w(end), "ago" | "earlier" | "later") {
                end += 1;
            } else if self.w(end) == "and" && self.w(end + 1) == "a" && self.w(end + 2) == "half" {
                end += 3;
            }
            // two hours and a half
            let value = value.map(|n| {
                if end == u + 4 && self.w(u + 3) == "half" {
                    n + 0.5
                } else {
                    n
                }
            });
            // two hours and 47 minutes, an hour and 15 minutes: one duration
            if end == u + 1 && !hyph && !num.vague {
                if let Some((rest, e2)) = self.duration_rest(end, letter, true) {
                    let v = value.map(|n| Value::Duration {
                        duration: format!("{}{rest}", duration(n, letter, true)),
                    });
                    return Some((Label::Time, v, score::DURATION, e2));
                }
            }
            let v = value.filter(|_| !num.vague).map(|n| Value::Duration {
                duration: duration(n, letter, true),
            });
            return Some((Label::Time, v, score::DURATION, end));
        }
        // quantities: square / cubic / metric prefixes
        let mut k = u;
        let mut prefix = "";
        if matches!(
            uw,
            "square" | "sq" | "sq." | "cubic" | "metric" | "nautical"
        ) {
            prefix = match uw {
                "cubic" => "cubic ",
                "metric" => "",
                "nautical" => "nautical ",
                _ => "sq ",
            };
            k = u + 1;
            if let Some(h) = self.hyphen(k).filter(|_| hyph) {
                k = h;
            }
        }
        // (`g` only in lower case: `5G` is a network; `m` after `sq`: `45 sq m`; international units of a
        // dose: `400 IU`)
        let unit = lexicon::unit(self.w(k))
            .or_else(|| (self.s(k) == "g").then_some("g"))
            .or_else(|| (self.s(k) == "IU").then_some("IU"))
            .or_else(|| (self.w(k) == "m" && prefix == "sq ").then_some("m"))
            .or_else(|| self.bare_kelvin(k).then_some(lexicon::KELVIN))
            .or_else(|| self.bare_metre(k).then_some("m"));
        let unit = unit.filter(|&u| prefix != "nautical " || u == "mi");
        if let Some(sym) = unit.filter(|s| *s != "cubic") {
            if num.article && !qualified {
                return None;
            }
            // `pounds` is money after a currency country (handled above); bare `pound` stays weight
            let mut end = k + 1;
            let mut sym = sym;
            // 5 degrees Celsius, 41 degrees F
            if let Some(scale) = lexicon::temperature_scale(self.w(end)).filter(|_| sym == "deg") {
                sym = scale;
                end += 1;
            }
            // a rate in words: 90 miles per hour (mph), 150 kilometres per hour (km/h), 137,000 barrels
            // per day (bbl/d); not `a day` nor `an hour` (OntoNotes train leaves `a day` out of the span 22
            // times in 22: `11,000 barrels a day`; with `an hour` the filter lost QUANTITY F1 on dev)
            let mut per = "";
            if self.w(end) == "per" {
                per = match (sym, self.w(end + 1)) {
                    ("mi", "hour") => {
                        sym = "mph";
                        ""
                    }
                    ("km", "hour") => {
                        sym = "km/h";
                        ""
                    }
                    (_, "hour") if self.w(end) == "per" => "h",
                    (_, "second") if self.w(end) == "per" => "s",
                    ("bbl", "day") if self.w(end) == "per" => "d",
                    _ => "-",
                };
                if per != "-" {
                    end += 2;
                }
            }
            // energy: 5 kilowatt hours, 40 megawatt-hours
            if let Some(energy) = lexicon::energy_unit(sym) {
                let h = self.hyphen(end).filter(|_| self.glued(end)).unwrap_or(end);
                if matches!(self.w(h), "hour" | "hours") {
                    sym = energy;
                    end = h + 1;
                }
            }
            // a rate written with a slash: 160 km/h, 5 kg/day
            if per == "-" {
                per = "";
            }
            if per.is_empty() && self.s(end) == "/" && self.glued(end) && self.glued(end + 1) {
                per = match self.w(end + 1) {
                    "h" | "hr" | "hour" => "h",
                    "s" | "sec" => "s",
                    "min" => "min",
                    "day" | "d" => "d",
                    "yr" | "year" => "yr",
                    _ => "",
                };
                if !per.is_empty() {
                    end += 2;
                }
            }
            // a four-foot-high wall
            if let Some(h) = self.hyphen(end).filter(|&h| {
                hyph && matches!(
                    self.w(h),
                    "high" | "long" | "tall" | "wide" | "deep" | "thick"
                )
            }) {
                end = h + 1;
            }
            // 10,000 pounds or less
            if self.w(end) == "or" && matches!(self.w(end + 1), "less" | "more") {
                end += 2;
            }
            // five foot nine, six feet two inches (valued in feet: 5.75)
            let mut inches = 0.0;
            if sym == "ft" && !hyph {
                if let Some(n2) = self
                    .number(end)
                    .filter(|n| n.value < 12.0 && !n.vague && !n.article)
                {
                    let next = self.w(n2.end);
                    if matches!(next, "inches" | "inch") {
                        end = n2.end + 1;
                        inches = n2.value;
                    } else if !self.is_unit_word(n2.end) {
                        end = n2.end;
                        inches = n2.value;
                    }
                }
            }
            let unit = if per.is_empty() {
                format!("{prefix}{sym}")
            } else {
                format!("{prefix}{sym}/{per}")
            };
            let v = value.filter(|_| !num.vague).map(|a| Value::Quantity {
                to: None,
                amount: a + inches / 12.0,
                unit,
            });
            return Some((Label::Quantity, v, score::UNIT, end));
        }
        None
    }

    /// The smaller units that go on a period ending at `end` in unit `last` (`and 47 minutes` after `two
    /// hours`, `2 months` after `3 years`, `and` optional): the rest of its ISO 8601 value (`47M`) and the
    /// token after it. Clock units (`time`) take hours, minutes, seconds; calendar units months, weeks,
    /// days; each piece smaller than the one before.
    fn duration_rest(&self, end: usize, last: char, time: bool) -> Option<(String, usize)> {
        let rank = |u: char| {
            let order = if time { "SMH" } else { "DWMY" };
            order.find(u).unwrap_or(0)
        };
        let (mut rest, mut end, mut last) = (String::new(), end, last);
        for _ in 0..3 {
            let k = if self.w(end) == "and" { end + 1 } else { end };
            let Some(n2) = self
                .number(k)
                .filter(|n| !n.vague && !n.value.is_nan() && n.value >= 0.0)
            else {
                break;
            };
            let uw = self.w(n2.end);
            let letter = if time {
                lexicon::time_unit(uw)
            } else {
                lexicon::date_unit(uw)
                    .filter(|(_, per)| *per == 1.0)
                    .map(|(l, _)| l)
            };
            let Some(letter) = letter.filter(|&l| rank(l) < rank(last)) else {
                break;
            };
            // `an hour and a half` is read by the caller; `a` stands for one only before a unit
            if n2.article && n2.end != k + 1 {
                break;
            }
            rest.push_str(duration(n2.value, letter, false).trim_start_matches('P'));
            end = n2.end + 1;
            last = letter;
        }
        (!rest.is_empty()).then_some((rest, end))
    }

    /// The number at `j` ends a name or code, glued by a hyphen to a word with a capital letter (`COVID-19`,
    /// `Su-57`, `G-7`): no figure. Not after a word that dates it (`Mid-2020`, `Pre-1990`) or a month.
    fn code_number(&self, j: usize) -> bool {
        if j < 2
            || self.kind(j) != Some(TokenKind::Number)
            || self.s(j - 1) != "-"
            || !self.glued(j)
            || !self.glued(j - 1)
        {
            return false;
        }
        let w = self.s(j - 2);
        self.kind(j - 2) == Some(TokenKind::Word)
            && w.chars().any(char::is_uppercase)
            && !matches!(
                self.w(j - 2),
                "mid" | "pre" | "post" | "late" | "early" | "circa" | "ca."
            )
            && lexicon::month(self.w(j - 2)).is_none()
    }

    /// A lowercase `m` at `k`, apart from the number before it, is a metre when a dimension follows (`10 m
    /// high`, `a 30 m long wall`, `200 m away`, `3 m in diameter`); otherwise it may be the millions of `£30 m`.
    fn bare_metre(&self, k: usize) -> bool {
        self.s(k) == "m"
            && !self.glued(k)
            && (matches!(
                self.w(k + 1),
                "high"
                    | "tall"
                    | "long"
                    | "deep"
                    | "wide"
                    | "thick"
                    | "away"
                    | "across"
                    | "above"
                    | "below"
                    | "underground"
                    | "offshore"
                    | "inland"
                    | "apart"
                    | "short"
            ) || (self.w(k + 1) == "in"
                && matches!(
                    self.w(k + 2),
                    "length" | "height" | "depth" | "diameter" | "width" | "circumference"
                )))
    }

    /// A capital `K` at `k`, apart from the number before it, is a kelvin in a sentence about temperature
    /// (`heated to 350 K`, `a temperature of 4 K`) when nothing it could count follows (`350 K followers`
    /// stays a number); glued (`350K`) it is always thousands, read before this.
    fn bare_kelvin(&self, k: usize) -> bool {
        if self.s(k) != "K" || self.glued(k) {
            return false;
        }
        let next = self.kind(k + 1);
        let counts = next == Some(TokenKind::Word)
            && !matches!(
                self.w(k + 1),
                "and"
                    | "or"
                    | "in"
                    | "at"
                    | "to"
                    | "for"
                    | "with"
                    | "while"
                    | "when"
                    | "which"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "by"
                    | "from"
                    | "than"
                    | "above"
                    | "below"
                    | "before"
                    | "after"
                    | "but"
            );
        let (lo, hi) = (self.sent_start.get(), self.limit.get());
        !counts && (lo..hi).any(|i| lexicon::temperature_cue(self.w(i)))
    }

    /// A degree sign at `e` (`°`, the ordinal indicator `º` often typed for it, `℃`, `℉`), with a glued `C` or
    /// `F` after it: the token after the sign and its scale, and the unit (`°C`, `°F`, or `deg` without a
    /// scale).
    /// A number token with letters glued (`5C`, `3.1pc`, `15st`) or a season's slash (`2025/26`): the readings
    /// of [`Self::glued_temperature`], [`Self::glued_shorthand`] and seasons, race times (`3:49.11`) and
    /// `9/11`. Kept out of line: rare tokens, and `numeric` is hot.
    #[inline(never)]
    fn glued_reading(&self, j: usize, q0: usize) -> Option<Hit> {
        let s = self.s(j);
        if s.len() >= 6 && self.race_time(j) {
            return self.race_time_hit(j);
        }
        // the attacks of September 11, 2001, not nine elevenths
        if s == "9/11" {
            let v = Value::Date {
                date: "2001-09-11".to_string(),
            };
            return Some(Hit::new(j + 1, Label::Date, Some(v), score::MONTH_DATE));
        }
        if s.as_bytes().last().is_some_and(|b| !b.is_ascii_digit()) {
            if let Some(h) = self
                .glued_temperature(j, q0)
                .or_else(|| self.glued_shorthand(j, q0))
            {
                return Some(h);
            }
        }
        // `the 2025/26 season`, `2019/2020`
        if s.len() >= 7 && s.as_bytes()[4] == b'/' {
            let (a, b) = (&s[..4], &s[5..]);
            if let Ok(y) = a.parse::<i32>() {
                let next = b
                    .parse::<i32>()
                    .ok()
                    .filter(|&n| n == y + 1 || (b.len() == 2 && n == (y + 1) % 100));
                if (1900..=2100).contains(&y) && next.is_some() {
                    let v = year_interval(y, b).map(|date| Value::Date { date });
                    return Some(Hit::new(j + 1, Label::Date, v, score::YEAR));
                }
            }
        }
        None
    }

    /// A scale before a hyphen and a currency (`a multibillion-dollar deal`, `a million-dollar home`): money
    /// without a value (OntoNotes train and dev: a MONEY 19 times in 21).
    #[inline(never)]
    fn scale_money_adjective(&self, i: usize, w: &str) -> Option<Hit> {
        let article = matches!(w, "a" | "an") as usize;
        let scale = self.w(i + article);
        if matches!(
            scale,
            "million" | "billion" | "trillion" | "multimillion" | "multibillion" | "multitrillion"
        ) {
            if let Some(h) = self.hyphen(i + article + 1) {
                if matches!(self.w(h), "dollar" | "euro" | "pound" | "yen" | "yuan") {
                    // (`a billion-dollar fund`: the article is not part of it)
                    return Some(if article == 1 {
                        Hit::skip(i + 1)
                    } else {
                        Hit::new(h + 1, Label::Money, None, score::UNIT)
                    });
                }
            }
        }

        None
    }

    /// The value of token `k` when it is a number glued to `suffix` (`6in`, `3.1pc`, `1,100C`).
    fn glued_number(&self, k: usize, suffix: &str) -> Option<f64> {
        let digits = self.s(k).strip_suffix(suffix)?;
        let plain = !digits.is_empty()
            && digits.len() <= 12
            && digits
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',');
        if !plain || self.kind(k) != Some(TokenKind::Number) {
            return None;
        }
        digits.replace(',', "").parse().ok()
    }

    /// British shorthands glued to their number: `3.1pc` (per cent, as the Telegraph and the FT write it) and
    /// weights in stone, `15st` or `15st 4lb` (not a valid ordinal: `21st` stays one).
    fn glued_shorthand(&self, j: usize, q0: usize) -> Option<Hit> {
        let sign = if self.negates(q0, j) { -1.0 } else { 1.0 };
        if let Some(p) = self.glued_number(j, "pc") {
            return Some(Hit::new(
                j + 1,
                Label::Percent,
                Some(Value::Percent {
                    to: None,
                    percent: sign * p,
                }),
                score::EXPLICIT,
            ));
        }
        // pence: `up 11p`, `120p a share` (not a video's lines: `1080p`)
        if let Some(p) = self
            .glued_number(j, "p")
            .filter(|p| *p < 1000.0 && !matches!(*p as u32, 240 | 360 | 480 | 576 | 720))
        {
            return Some(Hit::new(
                j + 1,
                Label::Money,
                Some(Value::Money {
                    to: None,
                    amount: hundredth(sign * p),
                    currency: "GBP".to_string(),
                }),
                score::EXPLICIT,
            ));
        }
        let st = self
            .glued_number(j, "st")
            .filter(|_| numbers::digit_token(self.s(j)).is_none())?;
        let (amount, end) = match self.glued_number(j + 1, "lb").filter(|lb| *lb < 14.0) {
            Some(lb) => (st + lb / 14.0, j + 2),
            None => (st, j + 1),
        };
        Some(Hit::new(
            end,
            Label::Quantity,
            Some(Value::Quantity {
                to: None,
                amount,
                unit: "st".to_string(),
            }),
            score::UNIT,
        ))
    }

    /// A temperature with its scale letter glued, as British and Australian news write it: `5C`, `minus 5C`,
    /// `-5C`, `98.6F` (a capital `C` or `F`, a plausible value), not a seat, a room or a code (`seat 14F`,
    /// `Room 12C`, `Form 5C`: after a capitalised word or a word for a place or a form); `5c` is cents.
    fn glued_temperature(&self, j: usize, q0: usize) -> Option<Hit> {
        let (v, unit) = match self.s(j).as_bytes().last() {
            Some(b'C') => (self.glued_number(j, "C")?, lexicon::CELSIUS),
            Some(b'F') => (self.glued_number(j, "F")?, lexicon::FAHRENHEIT),
            _ => return None,
        };
        let p = if self.negates(q0, j) { q0 } else { j };
        let before = p.checked_sub(1).filter(|&b| b >= self.sent_start.get());
        if let Some(b) = before {
            let w = self.w(b);
            let place = matches!(
                w,
                "seat"
                    | "seats"
                    | "room"
                    | "row"
                    | "gate"
                    | "platform"
                    | "apartment"
                    | "flat"
                    | "suite"
                    | "floor"
                    | "level"
                    | "unit"
                    | "form"
                    | "flight"
                    | "bus"
                    | "route"
                    | "block"
                    | "grade"
                    | "class"
                    | "type"
                    | "model"
                    | "no."
                    | "number"
                    | "channel"
                    | "bay"
                    | "stand"
                    | "terminal"
                    | "ward"
                    | "box"
                    | "lot"
                    | "plot"
                    | "studio"
                    | "exit"
                    | "pier"
                    | "berth"
                    | "size"
                    | "cup"
                    | "vitamin"
            );
            if place
                || (self.cap(b)
                    && self.kind(b) == Some(TokenKind::Word)
                    && b > self.sent_start.get())
            {
                return None;
            }
        }
        let v = if self.negates(q0, j) { -v } else { v };
        // weather's range anywhere; beyond it (an oven's 220C, lava's 1,100C) after a qualifier or a word that
        // measures (`about 125C`, `reached 1,100C`), where a code is unlikely
        let weather = if unit == lexicon::CELSIUS {
            (-90.0..=60.0).contains(&v)
        } else {
            (-130.0..=140.0).contains(&v)
        };
        let measured = q0 < j
            || before.is_some_and(|b| {
                matches!(
                    self.w(b),
                    "at" | "of"
                        | "to"
                        | "reached"
                        | "reach"
                        | "reaches"
                        | "hit"
                        | "hits"
                        | "above"
                        | "below"
                        | "over"
                        | "exceeding"
                        | "exceeded"
                        | "exceeds"
                        | "than"
                        | "nearly"
                        | "almost"
                        | "around"
                        | "about"
                        | "roughly"
                )
            });
        let plausible = weather || (measured && (-273.0..=5000.0).contains(&v));
        if !plausible {
            return None;
        }
        let value = Value::Quantity {
            to: None,
            amount: v,
            unit: unit.to_string(),
        };
        Some(Hit::new(j + 1, Label::Quantity, Some(value), score::UNIT))
    }

    fn degree_sign(&self, e: usize) -> Option<(usize, &'static str)> {
        match self.s(e) {
            "℃" | "ºC" | "ºc" => Some((e + 1, lexicon::CELSIUS)),
            "℉" | "ºF" | "ºf" => Some((e + 1, lexicon::FAHRENHEIT)),
            "°" | "º" | "˚" => {
                match lexicon::temperature_scale(self.w(e + 1)).filter(|_| self.glued(e + 1)) {
                    Some(unit) => Some((e + 2, unit)),
                    None => Some((e + 1, "deg")),
                }
            }
            _ => None,
        }
    }

    /// The number that ends before `e` carries a scale (`500 billion`, `4.5bn`).
    fn scaled_number(&self, e: usize) -> bool {
        e > 0
            && (lexicon::scale_word(self.w(e - 1)).is_some()
                || matches!(
                    numbers::digit_token(self.s(e - 1)),
                    Some(DigitToken::Scaled(_))
                ))
    }

    /// The value of a period of `n` units `letter` (`Y`, `M`, `W`, `D`): with `ago` and a document date, the date
    /// that long before it, as precise as the unit (`two years ago` 2024, `three months ago` 2026-08, `two
    /// weeks ago` 2026-11-10); otherwise (or for a fraction: `1.5 years ago`) the duration `P2Y`.
    fn ago(&self, n: f64, letter: char, ago: bool) -> Value {
        if let (true, Some(d)) = (ago, self.date) {
            if n.fract() == 0.0 && (0.0..=5000.0).contains(&n) {
                let n = n as i64;
                let date = match letter {
                    'Y' => format!("{:04}", d.year as i64 - n),
                    'M' => {
                        let (y, m) = calendar::add_months(d.year, d.month, -(n as i32));
                        format!("{y:04}-{m:02}")
                    }
                    'W' => calendar::add_days(d, -7 * n).to_string(),
                    _ => calendar::add_days(d, -n).to_string(),
                };
                return Value::Date { date };
            }
        }
        Value::Duration {
            duration: duration(n, letter, false),
        }
    }

    /// `a.m.` / `p.m.` at `e`, also when the tokenizer split a sentence-final `p.m` into `p`, `.`, `m`:
    /// whether it is p.m., and the token after it.
    fn ampm_at(&self, e: usize) -> Option<(bool, usize)> {
        if let Some(pm) = ampm(self.w(e)) {
            // the dot that ends `a.m.` (`a.m` then `.` at a sentence's end), not a sentence's after `am`
            let w = self.w(e);
            let end = if self.w(e + 1) == "."
                && w.contains('.')
                && !w.ends_with('.')
                && self.glued(e + 1)
            {
                e + 2
            } else {
                e + 1
            };
            return Some((pm, end));
        }
        if matches!(self.w(e), "a" | "p")
            && self.w(e + 1) == "."
            && self.glued(e + 1)
            && self.w(e + 2) == "m"
            && self.glued(e + 2)
        {
            let end = if self.w(e + 3) == "." && self.glued(e + 3) {
                e + 4
            } else {
                e + 3
            };
            return Some((self.w(e) == "p", end));
        }
        None
    }

    /// A clock time read up to `e`, with an optional a.m./p.m. and time zone after it.
    fn clock(&self, e: usize, h: u32, m: u32) -> Hit {
        if let Some((pm, end)) = self.ampm_at(e).filter(|_| (1..=12).contains(&h)) {
            return self.clock_zone_end(self.zone(end), numbers::to_24h(h, pm), m);
        }
        self.clock_zone(e, h, m)
    }

    /// A clock reading with seconds at `j` (`2:01:09`): a time of day with its seconds (`02:01:09`), or the
    /// duration of a race (`PT2H1M9S`) when it follows `in` or `of` (`ran 42.195 km in 2:01:09`, `a time of
    /// 1:59:40`) in a sentence about a race or a distance: nobody runs a marathon at nine seconds past two.
    fn clock_seconds(&self, j: usize, h: u32, m: u32, sec: u32) -> Hit {
        let mut hit = self.clock(j + 1, h, m);
        // a time someone clocked (`The winner clocked 2:02:16`), or one after `in`/`of` in a sentence about a race
        let clocked = matches!(self.w(j.wrapping_sub(1)), "clocked" | "timed");
        let elapsed = clocked
            || matches!(self.w(j.wrapping_sub(1)), "in" | "of") && {
                let (lo, hi) = (self.sent_start.get(), self.limit.get());
                (lo..hi).any(|k| {
                    let w = self.w(k);
                    lexicon::sport_cue(w)
                        || matches!(
                            w,
                            "marathon"
                                | "marathons"
                                | "clocked"
                                | "finished"
                                | "run"
                                | "runs"
                                | "record"
                        )
                        || matches!(lexicon::unit(w), Some("km" | "mi" | "m"))
                        || matches!(
                            numbers::digit_token(self.s(k)),
                            Some(DigitToken::WithUnit(_, "km" | "mi" | "m"))
                        )
                })
            };
        hit.value = match hit.value {
            Some(Value::Time { .. }) if elapsed && hit.end == j + 1 => {
                let mut d = String::from("PT");
                if h > 0 || m == 0 && sec == 0 {
                    d.push_str(&format!("{h}H"));
                }
                if m > 0 {
                    d.push_str(&format!("{m}M"));
                }
                if sec > 0 {
                    d.push_str(&format!("{sec}S"));
                }
                Some(Value::Duration { duration: d })
            }
            Some(Value::Time { time }) => Some(Value::Time {
                time: format!("{time}:{sec:02}"),
            }),
            v => v,
        };
        hit
    }

    fn clock_zone(&self, e: usize, h: u32, m: u32) -> Hit {
        self.clock_zone_end(self.zone(e), h, m)
    }

    fn clock_zone_end(&self, e: usize, h: u32, m: u32) -> Hit {
        Hit::new(
            e,
            Label::Time,
            Some(Value::Time {
                time: format!("{h:02}:{m:02}"),
            }),
            score::EXPLICIT,
        )
    }

    /// A time zone after a clock time: `GMT`, `GMT+3`, `UTC-05:00`, `CEST`, `Eastern time` (`local time` stays
    /// outside, as in OntoNotes).
    fn zone(&self, e: usize) -> usize {
        let end = match self.w(e) {
            "gmt" | "utc" | "est" | "edt" | "pst" | "pdt" | "cst" | "cdt" | "bst" | "cet"
            | "msk" => e + 1,
            "eastern" | "pacific" | "central" | "mountain" => {
                if matches!(self.w(e + 1), "time" | "standard") {
                    e + 2
                } else {
                    e + 1
                }
            }
            // written in capitals only: several are English words in lowercase (`eat`, `cat`, `west`)
            _ if matches!(
                self.s(e),
                "CEST"
                    | "EET"
                    | "EEST"
                    | "WET"
                    | "WEST"
                    | "MSK"
                    | "IST"
                    | "JST"
                    | "KST"
                    | "HKT"
                    | "SGT"
                    | "AEST"
                    | "AEDT"
                    | "AWST"
                    | "NZST"
                    | "NZDT"
                    | "EAT"
                    | "WAT"
                    | "CAT"
                    | "SAST"
                    | "AST"
                    | "ADT"
                    | "MST"
                    | "MDT"
                    | "AKST"
                    | "AKDT"
                    | "HST"
                    | "WIB"
                    | "PKT"
                    | "ALMT"
                    | "Z"
                    | "ET"
                    | "PT"
                    | "CT"
                    | "MT"
            ) =>
            {
                e + 1
            }
            _ => return e,
        };
        // GMT+3, UTC-05:00, GMT +3
        if end == e + 1
            && matches!(self.s(end), "+" | "-" | "−")
            && self.kind(end + 1) == Some(TokenKind::Number)
            && self.glued(end + 1)
            && self.s(end + 1).len() <= 5
        {
            return end + 2;
        }
        end
    }

    /// A time on the 24-hour clock written as four digits (`1630 GMT`, `0900 hours`, `at 1200 local time`):
    /// HHMM with HH below 24 and MM below 60, followed by a time zone (inside the span), by `hours` / `hrs`
    /// (inside the span; only after `at`, `by`, `until`, ..., with a leading zero or before a zone, since
    /// `1200 hours` is mostly a duration) or by `local time` (outside the span, as after `3 p.m.`).
    fn military_time(&self, j: usize) -> Option<Hit> {
        let s = self.s(j).as_bytes();
        if s.len() != 4 || !s.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let h = (s[0] - b'0') as u32 * 10 + (s[1] - b'0') as u32;
        let m = (s[2] - b'0') as u32 * 10 + (s[3] - b'0') as u32;
        if h > 23 || m > 59 {
            return None;
        }
        let e = j + 1;
        let mut end = self.zone(e);
        if end == e && matches!(self.w(e), "hours" | "hrs" | "hrs.") {
            let prep = matches!(
                self.w(j.wrapping_sub(1)),
                "at" | "by"
                    | "until"
                    | "till"
                    | "from"
                    | "before"
                    | "after"
                    | "around"
                    | "about"
                    | "since"
                    | "to"
            );
            let zone = self.zone(e + 1);
            if s[0] == b'0' || prep || zone > e + 1 {
                end = zone.max(e + 1);
            }
        }
        if end == e && !(self.w(e) == "local" && self.w(e + 1) == "time") {
            return None;
        }
        Some(self.clock_zone_end(end, h, m))
    }

    /// A duration written with glued unit letters: `2h`, `2h 30m`, `45min`, `1h 20m 5s` (a TIME, `PT2H30M`).
    /// `m` and `s` alone mean millions and decades, so they count only after a larger piece.
    fn clock_duration(&self, j: usize) -> Option<Hit> {
        let (v, unit) = numbers::duration_piece(self.s(j))?;
        if !matches!(unit, 'H' | 'N') {
            // `30m` right after `2h` is the rest of a duration, not 30 million (nor `5s` a decade)
            let after_piece = j > 0
                && self.kind(j - 1) == Some(TokenKind::Number)
                && numbers::duration_piece(self.s(j - 1))
                    .is_some_and(|(_, u)| matches!(u, 'H' | 'N' | 'm'));
            return after_piece.then(|| Hit::skip(j + 1));
        }
        let mut value = String::from("PT");
        let mut push = |v: f64, u: char| {
            let n = if v.fract() == 0.0 {
                format!("{}", v as i64)
            } else {
                format!("{v}")
            };
            value.push_str(&n);
            value.push(if u == 'N' || u == 'm' {
                'M'
            } else {
                u.to_ascii_uppercase()
            });
        };
        push(v, unit);
        let mut last = unit;
        let mut k = j + 1;
        while let Some((v, u)) =
            numbers::duration_piece(self.s(k)).filter(|_| self.kind(k) == Some(TokenKind::Number))
        {
            let rank = |u: char| match u {
                'H' => 3,
                'N' | 'm' => 2,
                _ => 1,
            };
            if rank(u) >= rank(last) {
                break;
            }
            push(v, u);
            last = u;
            k += 1;
        }
        Some(Hit::new(
            k,
            Label::Time,
            Some(Value::Duration { duration: value }),
            score::UNIT,
        ))
    }

    // ---- ordinals -----------------------------------------------------------------------------------

    fn ordinal_word(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let n = lexicon::ordinal_word(w)?;
        // part of a name: First Union, Second Avenue, Fifth Fleet (capitalised inside a sentence)
        if self.cap(i)
            && !self.tk(i).is_some_and(|t| t.first)
            && self.kind(i + 1) == Some(TokenKind::Word)
            && self.cap(i + 1)
        {
            return Some(Hit::skip(i + 1));
        }
        if w == "second"
            && matches!(
                self.w(i.wrapping_sub(1)),
                "a" | "one" | "per" | "every" | "split"
            )
            && self.kind(i + 1) != Some(TokenKind::Word)
        {
            return None;
        }
        if let Some(h) = self
            .hyphen(i + 1)
            .filter(|&h| matches!(self.w(h), "quarter" | "half"))
        {
            return Some(Hit::new(h + 1, Label::Date, None, score::RELATIVE));
        }
        Some(self.after_ordinal(n, i + 1))
    }

    /// What follows an ordinal ending at `e`: a century, a month (`6th of January`), a calendar unit
    /// (`the third straight year`), or nothing (a plain ORDINAL).
    fn after_ordinal(&self, n: f64, e: usize) -> Hit {
        if self.w(e) == "century" {
            let v = Value::Date {
                date: format!("{:02}", (n as i64 - 1).max(0)),
            };
            return Hit::new(e + 1, Label::Date, Some(v), score::MONTH_DATE);
        }
        // 6th of January, 6th January
        if (1.0..=31.0).contains(&n) {
            let k = if self.w(e) == "of" { e + 1 } else { e };
            if let Some(h) = self.month_after_day(k, n as u32) {
                return h;
            }
            // the 5th of this month, the third of last July: the day of a month named relative to now
            if k > e && matches!(self.w(k), "this" | "last" | "next") {
                if let Some(h) = self.date_words(k).filter(|h| {
                    h.end == k + 2 && (self.w(k + 1) == "month" || self.month_at(k + 1).is_some())
                }) {
                    let value = match &h.value {
                        Some(Value::Date { date }) if date.len() == 7 => {
                            let (y, m) = (date[..4].parse().ok(), date[5..].parse().ok());
                            match (y, m) {
                                (Some(y), Some(m)) if calendar::valid_day(Some(y), m, n as u32) => {
                                    Some(Value::Date {
                                        date: format!("{date}-{:02}", n as u32),
                                    })
                                }
                                _ => None,
                            }
                        }
                        _ => None,
                    };
                    return Hit::new(h.end, Label::Date, value, score::MONTH_DATE);
                }
            }
        }
        // the third straight year, its 10th month, the second day in a row
        if let Some(end) = self.period_unit(e) {
            return Hit::new(end, Label::Date, None, score::RELATIVE);
        }
        Hit::new(
            e,
            Label::Ordinal,
            Some(Value::Number {
                to: None,
                number: n,
                approx: None,
            }),
            score::ORDINAL,
        )
    }

    /// A calendar unit after an ordinal at `e`, with an optional `straight` / `consecutive` before it and
    /// `in a row` after it: the end of the phrase.
    fn period_unit(&self, e: usize) -> Option<usize> {
        let k = if matches!(
            self.w(e),
            "straight" | "consecutive" | "full" | "successive"
        ) {
            e + 1
        } else {
            e
        };
        if !matches!(
            self.w(k),
            "year"
                | "month"
                | "week"
                | "day"
                | "quarter"
                | "years"
                | "months"
                | "weeks"
                | "days"
                | "quarters"
        ) {
            return None;
        }
        let mut end = k + 1;
        if self.w(end) == "in" && self.w(end + 1) == "a" && self.w(end + 2) == "row" {
            end += 3;
        }
        Some(end)
    }

    // ---- dates --------------------------------------------------------------------------------------

    /// A month at `k` (capitalised, or an abbreviation with its dot).
    fn month_at(&self, k: usize) -> Option<u32> {
        let m = lexicon::month(self.w(k))?;
        if !self.cap(k) {
            return None;
        }
        Some(m)
    }

    /// The year a date without one at `k..end` (month `m`, day `d`) takes from the end of a range it starts:
    /// `March to May 2024`, `between Oct. 3 and Nov. 21, 2024`, `Dec. 28 to Jan. 3, 2025` (a year earlier
    /// when the start falls after the end in the calendar).
    fn range_year(&self, at: usize, end: usize, m: u32, d: Option<u32>) -> Option<i32> {
        let joint = self.w(end);
        let ok = matches!(joint, "to" | "-" | "–" | "through" | "until" | "till")
            || (joint == "and" && self.w(at.wrapping_sub(1)) == "between");
        if !ok {
            return None;
        }
        let k = end + 1;
        let m2 = self.month_at(k)?;
        let mut e = k + 1;
        if self.w(e) == "." && self.glued(e) {
            e += 1;
        }
        let mut d2 = None;
        if let Some((dd, k2)) = self.day_at(e) {
            d2 = Some(dd);
            e = k2;
        }
        let c = if matches!(self.w(e), "," | "of") {
            e + 1
        } else {
            e
        };
        let y = self.year_at(c)?;
        let later = (m, d.unwrap_or(0)) > (m2, if d.is_some() { d2.unwrap_or(0) } else { 0 });
        Some(y - later as i32)
    }

    /// A four-digit year token at `k`.
    fn year_at(&self, k: usize) -> Option<i32> {
        let s = self.s(k);
        if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
            let y: i32 = s.parse().ok()?;
            return (1000..=2100).contains(&y).then_some(y);
        }
        None
    }

    /// A day of the month at `k` (`6`, `6th`): the day and the token after it.
    fn day_at(&self, k: usize) -> Option<(u32, usize)> {
        match numbers::digit_token(self.s(k))? {
            DigitToken::Plain {
                value,
                plain_digits: Some(1 | 2),
            } if (1.0..=31.0).contains(&value) => Some((value as u32, k + 1)),
            DigitToken::Ordinal(v) if (1.0..=31.0).contains(&v) => Some((v as u32, k + 1)),
            _ => None,
        }
    }

    /// `January 6 [, 2022]` after a day was read: `6 January [2022]`.
    fn month_after_day(&self, k: usize, d: u32) -> Option<Hit> {
        let m = self.month_at(k)?;
        let mut e = k + 1;
        if self.w(k) == "may" && !self.cap(k) {
            return None;
        }
        let mut year = None;
        let hyphen_year = self.is_hyphen(e) && self.glued(e) && self.glued(e + 1);
        let c = if self.w(e) == "," || hyphen_year {
            e + 1
        } else {
            e
        };
        if let Some(y) = self.year_at(c) {
            year = Some(y);
            e = c + 1;
        }
        if !calendar::valid_day(year, m, d) {
            return None;
        }
        Some(Hit::new(
            e,
            Label::Date,
            Some(self.month_day_value(year, m, Some(d), k)),
            score::MONTH_DATE,
        ))
    }

    /// A range of days before a month, read from the first day at `j`: `10 to 14 April`, `10-14 April 2026`,
    /// `between 10 and 14 April`. One DATE whose value is the interval, each end as `month_after_day` values
    /// the last day (`2026-04-10/2026-04-14`, `--04-10/--04-14`).
    fn day_range(&self, j: usize, num: &Num, q0: usize) -> Option<Hit> {
        let d = num
            .int
            .filter(|d| (1..=31).contains(d) && num.digits && num.end == j + 1)?;
        let e = num.end;
        match self.w(e) {
            "to" | "-" | "–" | "through" => {}
            "and" if self.w(q0) == "between" => {}
            _ => return None,
        }
        let (d2, k2) = self.day_at(e + 1).filter(|(d2, _)| *d2 > d)?;
        let mut h = self.month_after_day(k2, d2)?;
        if let Some(Value::Date { date: b }) = &h.value {
            // the first day: the last day's value with its own day
            let a = format!("{}{:02}", &b[..b.len() - 2], d);
            h.value = Some(Value::Date {
                date: format!("{a}/{b}"),
            });
        }
        Some(h)
    }

    /// The value of a month (and day) with an optional year. Without a year the document date picks it, after
    /// the tense cues of the sentence (see [`Scanner::tense`]) around the date at token `at`: in the past the
    /// last such month or day on or before the document date (`since January`, `He said in December`), in
    /// the future the next one on or after it (`will vote in March`); without a cue the document's own year
    /// (most months in news are of the current year), except that a month at most two months away across
    /// the new year is taken on that side (`January` in a late-November article is next January, `December`
    /// in a January article last December). Without a document date: `--MM-DD`.
    fn month_day_value(&self, year: Option<i32>, m: u32, d: Option<u32>, at: usize) -> Value {
        let year = year.or_else(|| self.year_of(m, d, at));
        let date = match (year, d) {
            (Some(y), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), None) => format!("{y:04}-{m:02}"),
            (None, Some(d)) => format!("--{m:02}-{d:02}"),
            (None, None) => format!("--{m:02}"),
        };
        Value::Date { date }
    }

    /// The year the document date and the tense around token `at` give a month (and day) written without
    /// one (see [`Scanner::month_day_value`]); `None` without a document date.
    fn year_of(&self, m: u32, d: Option<u32>, at: usize) -> Option<i32> {
        self.date.map(|doc| {
            let later = (m, d.unwrap_or(0)) > (doc.month, if d.is_some() { doc.day } else { 0 });
            let earlier = (m, d.unwrap_or(0)) < (doc.month, if d.is_some() { doc.day } else { 0 });
            match self.tense(at) {
                -1 => doc.year - later as i32,
                1 => doc.year + earlier as i32,
                _ => {
                    if m < doc.month && m + 12 - doc.month <= 2 {
                        doc.year + 1
                    } else if m > doc.month && doc.month + 12 - m <= 2 {
                        doc.year - 1
                    } else {
                        doc.year
                    }
                }
            }
        })
    }

    /// Whether the scanner has a document date.
    pub fn has_date(&self) -> bool {
        self.date.is_some()
    }

    /// The date of a holiday at token `at` against the document date (`None` without one, or when `day_in`,
    /// which gives its month and day in a year, has none); the year is chosen as for a month and day written
    /// without one.
    pub fn holiday_date(
        &self,
        at: usize,
        day_in: impl Fn(i32) -> Option<(u32, u32)>,
    ) -> Option<String> {
        let doc = self.date?;
        // (sentences are sorted: a binary search, not a walk, for documents with many holidays)
        let s = self
            .sentences
            .get(self.sentences.partition_point(|s| s.end <= at))?
            .clone();
        if !s.contains(&at) {
            return None;
        }
        let (m, d) = day_in(doc.year)?;
        // the tense is read within the sentence: the scan's sentence bounds for the time of the look-up
        let (limit, start) = (self.limit.get(), self.sent_start.get());
        self.limit.set(s.end.min(self.toks.len()));
        self.sent_start.set(s.start);
        let year = self.year_of(m, Some(d), at);
        self.limit.set(limit);
        self.sent_start.set(start);
        let year = year?;
        let (m, d) = day_in(year)?;
        Some(format!("{year:04}-{m:02}-{d:02}"))
    }

    /// The tense of the sentence around a date at token `at`, from cheap cues: 1 (future) for `will`, `'ll`,
    /// `shall`, `next`, `due`, `scheduled`, `expected`, `plans` / `plan to`, `set to`, `going to`, `upcoming`;
    /// `to be`; -1 (past) for `since`, `ago`, `earlier`, `was`, `were`, `had`, `did`, `said`, common irregular
    /// past forms (`left`, `began`, `took`, ...) and lowercase past forms in `-ed`; 0 without a cue. The words before the date count first (a future cue wins over a past
    /// one there: `He said the strike will be held on Friday`), then those after it (`On Friday, the union
    /// will strike`). At most 30 tokens each way, inside the sentence and the clause (up to a semicolon).
    fn tense(&self, at: usize) -> i32 {
        // within the clause: a semicolon parts two (`It was the third time; the anniversary falls on Dec. 25`)
        let start = self.sent_start.get().max(at.saturating_sub(30));
        let start = (start..at)
            .rev()
            .find(|&k| self.s(k) == ";")
            .map_or(start, |k| k + 1);
        let before = self.tense_in(start, at, true);
        if before != 0 {
            return before;
        }
        let end = self.limit.get().min(at + 30);
        let end = (at + 1..end).find(|&k| self.s(k) == ";").unwrap_or(end);
        self.tense_in(at + 1, end, false)
    }

    /// The tense of tokens `from..to`: 1 for the future (`will`, `next`, `scheduled`, anywhere), else the
    /// past (-1) or the present (1, looking ahead) of the verb nearest the date, the last one when the
    /// tokens come before it (`nearest_last`), the first one after it; 0 when there is none.
    fn tense_in(&self, from: usize, to: usize, nearest_last: bool) -> i32 {
        let mut nearest = 0;
        for k in from..to {
            let w = self.w(k);
            let cue = match w {
                "will" | "'ll" | "’ll" | "shall" | "next" | "due" | "scheduled" | "expected"
                | "upcoming" | "plans" | "planning" | "slated" => return 1,
                // put off to a later day, in any tense (`The case was adjourned until Jan. 12`)
                "adjourned" | "postponed" | "deferred" | "rescheduled" | "remanded" => return 1,
                // `falls` looks ahead as a day's place in the calendar (`the anniversary falls on Dec. 25`),
                // not as a figure's fall (`Inflation falls to 2.9% in October`)
                "falls" if self.w(k + 1) != "on" => 0,
                "plan" | "set" | "going" if self.w(k + 1) == "to" => return 1,
                "to" if self.w(k + 1) == "be" => return 1,
                // the present tense of a timetable, a modal or an expectation look ahead (`Pre-orders open on
                // Friday`, `Rain could fall on Saturday`, `talks would resume on Thursday`, `We expect a
                // decision by Tuesday`); not `is`, which is as often of a state (`The office is shut on
                // Monday`, `Rain in March is normal`)
                "opens" | "open" | "starts" | "begins" | "closes" | "ends" | "falls" | "resume"
                | "resumes" | "returns" | "arrives" | "kicks" | "runs" | "goes" | "could"
                | "may" | "might" | "would" | "should" | "can" | "must" | "expect" | "expects"
                | "hopes" | "aims" | "intends" | "forecast" | "forecasts" | "predicts"
                | "predict" | "deadline" => 1,
                "since" | "ago" | "earlier" | "was" | "were" | "had" | "did" | "said" | "left"
                | "began" | "took" | "came" | "went" | "met" | "fell" | "rose" | "saw" | "told"
                | "made" | "gave" | "lost" | "sent" | "spent" | "paid" | "found" | "fled"
                | "brought" | "became" | "broke" | "struck" | "stood" | "sold" | "built"
                | "wrote" | "spoke" | "ran" | "chose" | "drew" | "drove" | "flew" | "grew"
                | "knew" | "threw" | "held" | "won" | "died" | "got" | "shot" | "led"
                | "fought" | "bought" | "thought" | "felt" | "kept" | "heard" | "sat" | "wore"
                | "hid" => -1,
                // (not a passive in the present: `The TV is discounted for Black Friday`)
                _ if w.len() >= 5
                    && w.ends_with("ed")
                    && !w.ends_with("eed")
                    && !self.cap(k)
                    && !matches!(
                        self.w(k.wrapping_sub(1)),
                        "is" | "are" | "am" | "be" | "being"
                    )
                    && !matches!(
                        w,
                        "hundred" | "proposed" | "intended" | "supposed" | "based" | "planned"
                    ) =>
                {
                    -1
                }
                _ => 0,
            };
            if cue != 0 && (nearest_last || nearest == 0) {
                nearest = cue;
            }
        }
        nearest
    }

    /// Dates that start with a month: `January`, `January 6`, `Jan. 6, 2022`, `October 1987`.
    fn month_date(&self, i: usize) -> Option<Hit> {
        let m = self.month_at(i)?;
        let w = self.w(i);
        let abbrev_nodot = matches!(
            w,
            "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
        );
        let mut e = i + 1;
        // Jan . 6 in treebank text
        if abbrev_nodot && self.w(e) == "." && self.glued(e) {
            e += 1;
        }
        let e = if self.w(e) == "the"
            && (self.day_at(e + 1).is_some() || self.spoken_day(e + 1).is_some())
        {
            e + 1
        } else {
            e
        };
        if let Some((d, k)) = self.day_at(e) {
            let mut end = k;
            let mut last_day = None;
            // Dec. 2 - 3, August 5th to 9th
            if matches!(self.w(end), "-" | "to" | "through" | "–") {
                if let Some((d2, k2)) = self.day_at(end + 1).filter(|(d2, _)| *d2 > d) {
                    end = k2;
                    last_day = Some(d2);
                }
            }
            let mut year = None;
            let c = if self.w(end) == "," { end + 1 } else { end };
            if let Some(y) = self.year_at(c) {
                year = Some(y);
                end = c + 1;
            }
            if year.is_none() {
                year = self.range_year(i, end, m, Some(d));
            }
            if calendar::valid_day(year, m, d)
                && last_day.map_or(true, |d2| calendar::valid_day(year, m, d2))
            {
                let mut v = self.month_day_value(year, m, Some(d), i);
                if let (Some(d2), Value::Date { date: a }) = (last_day, &v) {
                    let b = format!("{}{:02}", &a[..a.len() - 2], d2);
                    v = Value::Date {
                        date: format!("{a}/{b}"),
                    };
                }
                return Some(Hit::new(end, Label::Date, Some(v), score::MONTH_DATE));
            }
        }
        // September twenty-eighth, October twelfth (spoken dates)
        if let Some((d, k)) = self.spoken_day(e) {
            if calendar::valid_day(None, m, d) {
                return Some(Hit::new(
                    k,
                    Label::Date,
                    Some(self.month_day_value(None, m, Some(d), i)),
                    score::MONTH_DATE,
                ));
            }
        }
        let c = if self.w(e) == "of" || self.w(e) == "," {
            e + 1
        } else {
            e
        };
        if let Some(y) = self.year_at(c) {
            return Some(Hit::new(
                c + 1,
                Label::Date,
                Some(self.month_day_value(Some(y), m, None, i)),
                score::MONTH_DATE,
            ));
        }
        if let Some((y, k)) = self.spoken_year(c) {
            return Some(Hit::new(
                k,
                Label::Date,
                Some(self.month_day_value(Some(y), m, None, i)),
                score::MONTH_DATE,
            ));
        }
        // a month alone: `May` and `March` need a preposition before them, abbreviations are not dates alone
        if abbrev_nodot || w.ends_with('.') && e == i + 1 && !self.cap(i) {
            return None;
        }
        if matches!(w, "may" | "march") {
            let prev = self.w(i.wrapping_sub(1));
            let month = matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "by"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "-"
                    | "last"
                    | "next"
                    | "this"
                    | "from"
                    | "through"
                    | "before"
                    | "after"
                    | "during"
            ) || (matches!(prev, "to" | "and" | "until" | "till")
                && self.month_before_joint(i.wrapping_sub(1)))
                || self.capital_month_after(i, prev);
            if !month {
                return None;
            }
        }
        let year = self.range_year(i, e, m, None);
        Some(Hit::new(
            e,
            Label::Date,
            Some(self.month_day_value(year, m, None, i)),
            score::MONTH_DATE,
        ))
    }

    /// `March` or `May` at `i`, capitalised inside a sentence after `as` or `the` (`as recently as March`, `the
    /// May contract`): a month, not the verb. Not after `the` before `'s` or a word of government (`the May
    /// government`, a prime minister's).
    #[inline(never)]
    fn capital_month_after(&self, i: usize, prev: &str) -> bool {
        self.cap(i)
            && self.tk(i).is_some_and(|t| !t.first)
            && (prev == "as"
                || prev == "the"
                    && !matches!(
                        self.w(i + 1),
                        "'s" | "’s" | "government" | "administration" | "cabinet" | "era" | "years"
                    ))
    }

    /// Quarters and halves written as codes, `Q2`, `Q4 2025`, `H1 2024`, `Q3 FY2024`, and fiscal years
    /// `FY2024`, `FY24`. A quarter or half with a written year is valued as the calendar interval of its
    /// months (`2025-10/2025-12`, as `the fourth quarter of 2025`); without a year, or in a fiscal year
    /// (`Q3 FY2025`, whose months depend on the company), it has no value (as `the third quarter`); a fiscal
    /// year is valued as its year (as `fiscal 2025`).
    fn fiscal_code(&self, i: usize) -> Option<Hit> {
        let s = self.s(i);
        let fy = |s: &str| -> Option<i32> {
            let d = s.strip_prefix("FY")?;
            let d = d
                .strip_prefix('\'')
                .or_else(|| d.strip_prefix('-'))
                .unwrap_or(d);
            if !d.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            match d.len() {
                4 => d.parse().ok().filter(|y| (1900..=2100).contains(y)),
                2 => d.parse::<i32>().ok().map(|y| 2000 + y),
                _ => None,
            }
        };
        if let Some(y) = fy(s) {
            return Some(Hit::new(
                i + 1,
                Label::Date,
                Some(Value::Date {
                    date: format!("{y:04}"),
                }),
                score::MONTH_DATE,
            ));
        }
        let b = s.as_bytes();
        if b.len() != 2 || !matches!((b[0], b[1]), (b'Q', b'1'..=b'4') | (b'H', b'1'..=b'2')) {
            return None;
        }
        let months = if b[0] == b'Q' { 3 } else { 6 };
        let n = (b[1] - b'0') as u32;
        let mut e = i + 1;
        let c = if self.w(e) == "of" { e + 1 } else { e };
        let year = self.year_at(c);
        let fiscal = fy(self.s(c));
        if year.is_some() || fiscal.is_some() {
            e = c + 1;
        }
        // a code alone must stand where a period can: after a preposition, before a year, or before what a
        // company reports for a period (`Q3 results`, `H1 sales`; other nouns would be too many other things:
        // grades, a form, a paper size)
        let reported = matches!(
            self.w(e),
            "results"
                | "earnings"
                | "profit"
                | "profits"
                | "sales"
                | "revenue"
                | "revenues"
                | "loss"
                | "losses"
                | "deliveries"
                | "gdp"
                | "growth"
                | "guidance"
        );
        if e == i + 1
            && !reported
            && !matches!(
                self.w(i.wrapping_sub(1)),
                "in" | "for"
                    | "during"
                    | "since"
                    | "by"
                    | "of"
                    | "this"
                    | "last"
                    | "next"
                    | "until"
                    | "from"
                    | "to"
                    | "and"
            )
        {
            return None;
        }
        let value = year.map(|y| {
            let (m1, m2) = ((n - 1) * months + 1, n * months);
            Value::Date {
                date: format!("{y:04}-{m1:02}/{y:04}-{m2:02}"),
            }
        });
        Some(Hit::new(e, Label::Date, value, score::MONTH_DATE))
    }

    /// `first quarter of 2024`, `second half of 2025` at `k`: read by [`Self::the_phrase`] with its value.
    fn quarter_of_year(&self, k: usize) -> bool {
        matches!(self.w(k + 1), "quarter" | "half")
            && self.w(k + 2) == "of"
            && self.year_at(k + 3).is_some()
    }

    /// A month (with an optional day) ends just before the joining word at `j`: `January to` March.
    fn month_before_joint(&self, j: usize) -> bool {
        let p = j.wrapping_sub(1);
        let p = if self.day_at(p).is_some() {
            p.wrapping_sub(1)
        } else {
            p
        };
        let p = if self.w(p) == "." {
            p.wrapping_sub(1)
        } else {
            p
        };
        self.month_at(p).is_some()
    }

    /// Date and time phrases that start with a word other than `the` and a number.
    fn date_words(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if self.kind(i) != Some(TokenKind::Word) {
            return None;
        }
        if let Some(h) = self.month_date(i) {
            return Some(h);
        }
        if let Some(h) = self.fiscal_code(i) {
            return Some(h);
        }
        if w.len() <= 5
            && matches!(w.as_bytes().first(), Some(b'm' | b't' | b'w' | b'f' | b's'))
            && self.cap(i)
        {
            if let Some(h) = self.short_weekday_date(i) {
                return Some(h);
            }
        }
        if let Some(wd) = lexicon::weekday(w).filter(|_| self.cap(i)) {
            // Friday the 13th, Sunday the twenty-first: one DATE, the weekday of a day of the month
            if self.w(i + 1) == "the" {
                let day = match numbers::digit_token(self.s(i + 2)) {
                    Some(DigitToken::Ordinal(v)) if (1.0..=31.0).contains(&v) => {
                        Some((v as u32, i + 3))
                    }
                    // a word ordinal before a noun is not a day (`Monday the first step`)
                    _ => self.spoken_day(i + 2).filter(|&(_, e)| {
                        self.kind(e) != Some(TokenKind::Word)
                            || self.cap(e)
                            || matches!(
                                self.w(e),
                                "of" | "and" | "or" | "at" | "in" | "on" | "when" | "until"
                            )
                    }),
                };
                if let Some((d, e)) = day {
                    // Friday the 13th of May 2025: the month's date
                    if self.w(e) == "of" {
                        if let Some(h) = self.month_after_day(e + 1, d) {
                            return Some(h);
                        }
                    }
                    return Some(Hit::new(
                        e,
                        Label::Date,
                        Some(self.weekday_day_value(wd, d, i)),
                        score::WEEKDAY,
                    ));
                }
            }
            return Some(Hit::new(
                i + 1,
                Label::Date,
                Some(self.weekday_value(wd, 0, i)),
                score::WEEKDAY,
            ));
        }
        // spring 2027, autumn of 2026, winter 2019-20: one DATE, valued as its year (as `the summer of 2025`);
        // `fall` only where it cannot be the verb (`prices fall 2024 lows`)
        let season = lexicon::season(w)
            && (w != "fall"
                || self.cap(i)
                || matches!(
                    self.w(i.wrapping_sub(1)),
                    "in" | "by"
                        | "since"
                        | "until"
                        | "last"
                        | "next"
                        | "this"
                        | "early"
                        | "late"
                        | "of"
                        | "from"
                        | "for"
                        | "during"
                ));
        if season {
            let j = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
            let year = self
                .year_hit(j)
                .filter(|h| h.end == j + 1 && !self.is_hyphen(j + 1))
                .or_else(|| {
                    self.digit_run(j).filter(
                        |h| matches!(&h.value, Some(Value::Date { date }) if date.len() == 9),
                    )
                });
            if let Some(h) = year {
                return Some(Hit::new(h.end, Label::Date, h.value, score::MONTH_DATE));
            }
        }
        let doc = self.date;
        match w {
            "today" | "yesterday" | "tomorrow" => {
                let off = match w {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                // `yesterday morning` is mostly tagged as the day alone; `tomorrow night` as a time
                if matches!(self.w(i + 1), "morning" | "afternoon" | "evening" | "night")
                    && w != "yesterday"
                {
                    return Some(Hit::new(i + 2, Label::Time, None, score::RELATIVE));
                }
                let v = doc.map(|d| Value::Date {
                    date: calendar::add_days(d, off).to_string(),
                });
                return Some(Hit::new(i + 1, Label::Date, v, score::RELATIVE));
            }
            "tonight" => return Some(Hit::new(i + 1, Label::Time, None, score::RELATIVE)),
            "noon" | "midday" => {
                return Some(Hit::new(
                    i + 1,
                    Label::Time,
                    Some(Value::Time {
                        time: "12:00".into(),
                    }),
                    score::RELATIVE,
                ))
            }
            "midnight" => {
                return Some(Hit::new(
                    i + 1,
                    Label::Time,
                    Some(Value::Time {
                        time: "00:00".into(),
                    }),
                    score::RELATIVE,
                ))
            }
            "annual" | "annually" | "monthly" | "quarterly" | "yearly" | "weekly"
            | "semiannual" | "biannual" => {
                return Some(Hit::new(i + 1, Label::Date, None, score::VAGUE))
            }
            "recent" => {
                if matches!(
                    self.w(i + 1),
                    "years" | "months" | "weeks" | "days" | "decades"
                ) {
                    return Some(Hit::new(i + 2, Label::Date, None, score::RELATIVE));
                }
                return None;
            }
            "year" => {
                // year-end, year - earlier, year end
                let k = self.hyphen(i + 1).unwrap_or(i + 1);
                if matches!(self.w(k), "end" | "earlier" | "ago")
                    && (k > i + 1 || self.w(k) == "end")
                {
                    return Some(Hit::new(k + 1, Label::Date, None, score::VAGUE));
                }
                return None;
            }
            "all" if self.w(i + 1) == "year" => {
                return Some(Hit::new(i + 2, Label::Date, None, score::VAGUE))
            }
            _ if possessive(w) && decade_word(self.w(i + 1)).is_some() => {
                return Some(Hit::new(i + 2, Label::Date, None, score::VAGUE));
            }
            "fiscal" => {
                let k = if self.w(i + 1) == "year" {
                    i + 2
                } else {
                    i + 1
                };
                if let Some(y) = self.year_at(k) {
                    return Some(Hit::new(
                        k + 1,
                        Label::Date,
                        Some(Value::Date {
                            date: format!("{y:04}"),
                        }),
                        score::MONTH_DATE,
                    ));
                }
                return None;
            }
            "last" | "this" | "next" | "past" | "coming" | "previous" | "earlier" | "later"
            | "early" | "late" | "mid" | "mid-" => {}
            _ => {
                // twenty-first (an ordinal read from its tens word)
                if lexicon::is_tens(w) {
                    if let Some(h) = self.hyphen(i + 1) {
                        if let Some(u) = lexicon::ordinal_word(self.w(h)).filter(|u| *u < 10.0) {
                            // (and a day of a month: `the twenty-third of May`)
                            let n = lexicon::small_number(w).unwrap() + u;
                            return Some(self.after_ordinal(n, h + 1));
                        }
                    }
                }
                return None;
            }
        }
        // earlier this year, later this month, early next year
        let mut k = i + 1;
        let mut mod_word = w;
        if matches!(w, "earlier" | "later")
            && (self.w(k) == "today" || (lexicon::weekday(self.w(k)).is_some() && self.cap(k)))
        {
            return Some(Hit::new(k + 1, Label::Time, None, score::RELATIVE));
        }
        if matches!(w, "earlier" | "later" | "early" | "late")
            && matches!(self.w(k), "this" | "next" | "last")
        {
            mod_word = self.w(k);
            k += 1;
        }
        // early/mid/late + month, year, decade, weekday
        if matches!(w, "early" | "mid" | "late" | "mid-") && k == i + 1 {
            let k = if self.hyphen(k).is_some() && self.glued(k) {
                k + 1
            } else {
                k
            };
            if let Some(h) = self
                .month_date(k)
                .or_else(|| self.year_hit(k))
                .or_else(|| self.decade_hit(k))
            {
                return Some(Hit { end: h.end, ..h });
            }
            if let Some(d) = decade_word(self.w(k)) {
                // an age (`in her early thirties`) has no year
                let v = (!possessive(self.w(i.wrapping_sub(1)))).then(|| Value::Date {
                    date: format!("19{}", d / 10),
                });
                return Some(Hit::new(k + 1, Label::Date, v, score::RELATIVE));
            }
            if let Some(wd) = lexicon::weekday(self.w(k)).filter(|_| self.cap(k)) {
                if matches!(self.w(k + 1), "morning" | "afternoon" | "evening" | "night") {
                    return Some(Hit::new(k + 2, Label::Time, None, score::RELATIVE));
                }
                return Some(Hit::new(
                    k + 1,
                    Label::Date,
                    Some(self.weekday_value(wd, 0, k)),
                    score::WEEKDAY,
                ));
            }
            if self.w(k) == "in"
                && self.w(k + 1) == "the"
                && matches!(self.w(k + 2), "day" | "year" | "week" | "month")
            {
                return Some(Hit::new(k + 3, Label::Date, None, score::RELATIVE));
            }
            return None;
        }
        let u = self.w(k);
        let (dir, _) = match mod_word {
            "last" | "past" | "previous" => (-1i32, 0),
            "next" | "coming" => (1, 0),
            "this" => (0, 0),
            _ => return None,
        };
        if matches!(u, "morning" | "afternoon" | "evening" | "night")
            && matches!(mod_word, "this" | "last")
        {
            return Some(Hit::new(k + 1, Label::Time, None, score::RELATIVE));
        }
        if let Some(wd) = lexicon::weekday(u).filter(|_| self.cap(k)) {
            // `this Friday` is this week's, ahead unless the sentence tells of the past
            let dir = if mod_word == "this" && self.tense(k) != -1 {
                2
            } else {
                dir
            };
            return Some(Hit::new(
                k + 1,
                Label::Date,
                Some(self.weekday_value(wd, dir, k)),
                score::WEEKDAY,
            ));
        }
        if let Some(m) = self.month_at(k) {
            if self
                .month_date(k)
                .is_some_and(|h| h.end > k + 1 + self.w(k + 1).starts_with('.') as usize)
            {
                return None; // `last Oct. 13`: the date is the month and day
            }
            let v = self.date.map(|d| {
                let y = match dir {
                    -1 => {
                        if m < d.month {
                            d.year
                        } else {
                            d.year - 1
                        }
                    }
                    1 => {
                        if m > d.month {
                            d.year
                        } else {
                            d.year + 1
                        }
                    }
                    _ => d.year,
                };
                Value::Date {
                    date: format!("{y:04}-{m:02}"),
                }
            });
            return Some(Hit::new(k + 1, Label::Date, v, score::RELATIVE));
        }
        if lexicon::season(u) {
            return Some(Hit::new(k + 1, Label::Date, None, score::RELATIVE));
        }
        if matches!(
            u,
            "year" | "month" | "week" | "weekend" | "quarter" | "decade" | "century"
        ) {
            let v = self.date.and_then(|d| match u {
                "year" => Some(format!("{:04}", d.year + dir)),
                "month" => {
                    let (y, m) = calendar::add_months(d.year, d.month, dir);
                    Some(format!("{y:04}-{m:02}"))
                }
                "week" => Some(calendar::iso_week(calendar::add_days(d, 7 * dir as i64))),
                _ => None,
            });
            // `last year 's` keeps the clitic outside, as OntoNotes mostly does
            return Some(Hit::new(
                k + 1,
                Label::Date,
                v.map(|date| Value::Date { date }),
                score::RELATIVE,
            ));
        }
        None
    }

    /// An ordinal day in words at `k` (`twelfth`, `twenty - eighth`, `thirty-first`): the day and the token after.
    fn spoken_day(&self, k: usize) -> Option<(u32, usize)> {
        let w = self.w(k);
        if let Some(n) = lexicon::ordinal_word(w).filter(|n| *n <= 31.0 && !w.ends_with("ly")) {
            return Some((n as u32, k + 1));
        }
        if matches!(w, "twenty" | "thirty") {
            let h = self.hyphen(k + 1).unwrap_or(k + 1);
            let u = lexicon::ordinal_word(self.w(h)).filter(|u| *u < 10.0)?;
            return Some(((lexicon::small_number(w)? + u) as u32, h + 1));
        }
        None
    }

    /// A weekday abbreviated without a dot before a date, as timestamps and datelines write them: `Thu Jan 25`,
    /// `Wed, 25 Nov 2026` (one DATE with the date's value). Alone, `Sun` or `Sat` is mostly no weekday.
    #[inline(never)]
    fn short_weekday_date(&self, i: usize) -> Option<Hit> {
        if !matches!(
            self.s(i),
            "Mon" | "Tue" | "Tues" | "Wed" | "Thu" | "Thur" | "Thurs" | "Fri" | "Sat" | "Sun"
        ) {
            return None;
        }
        let k = if self.w(i + 1) == "," { i + 2 } else { i + 1 };
        let dated = self.month_at(k).is_some()
            || (self.kind(k) == Some(TokenKind::Number) && self.month_at(k + 1).is_some());
        if !dated {
            return None;
        }
        let h = self
            .at(k)
            .filter(|h| h.label == Some(Label::Date) && h.start.is_none())?;
        Some(Hit::new(h.end, Label::Date, h.value, score::MONTH_DATE))
    }

    /// Token `e` does not go on with what a number before it counts: the end of the sentence, a mark, a
    /// capitalised word, or a word that joins or starts a phrase (`in`, `and`, `when`, `since`, ...).
    #[inline(never)]
    fn no_noun_at(&self, e: usize) -> bool {
        let w = self.w(e);
        w.is_empty()
            || self.kind(e) != Some(TokenKind::Word)
            || !w.as_bytes()[0].is_ascii_alphabetic()
            || self.cap(e)
            || matches!(
                w,
                "in" | "and"
                    | "or"
                    | "to"
                    | "when"
                    | "as"
                    | "after"
                    | "before"
                    | "until"
                    | "with"
                    | "by"
                    | "for"
                    | "on"
                    | "at"
                    | "from"
                    | "but"
                    | "that"
                    | "which"
                    | "while"
                    | "since"
                    | "then"
                    | "this"
                    | "last"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "i"
                    | "the"
                    | "a"
                    | "an"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
            )
    }

    /// A year of our era written after `AD` (the year at `k`): `AD 79` is `0079`, `AD 98 to 117` `0098/0117`.
    #[inline(never)]
    fn era_before(&self, k: usize) -> Option<Hit> {
        let year = |k: usize| {
            self.number(k)
                .filter(|n| n.digits && n.end == k + 1)
                .and_then(|n| n.int)
                .filter(|y| (1..=2100).contains(y))
        };
        let y = year(k)?;
        let mut date = format!("{y:04}");
        let mut end = k + 1;
        if matches!(self.w(end), "to" | "-" | "until") {
            if let Some(y2) = year(end + 1).filter(|&y2| y2 > y) {
                date = format!("{date}/{y2:04}");
                end += 2;
            }
        }
        Some(Hit::new(
            end,
            Label::Date,
            Some(Value::Date { date }),
            score::YEAR,
        ))
    }

    /// Year `y` with the era at `e` (`BC`, `B.C.`, `BCE`, `AD`, `A.D.`, `CE`), ending at the era, valued in ISO
    /// 8601's astronomical numbering (1000 BC is `-0999`, the year before 1 AD is `0000`).
    #[inline(never)]
    fn era_year(&self, y: u32, e: usize) -> Option<Hit> {
        if !(1..=9999).contains(&y) {
            return None;
        }
        let date = match self.s(e) {
            "BC" | "B.C." | "BCE" | "B.C.E." => format!("-{:04}", y - 1),
            "AD" | "A.D." | "CE" | "C.E." => format!("{y:04}"),
            _ => return None,
        };
        let date = if date == "-0000" {
            "0000".to_string()
        } else {
            date
        };
        Some(Hit::new(
            e + 1,
            Label::Date,
            Some(Value::Date { date }),
            score::YEAR,
        ))
    }

    /// A year in words at `k`: `nineteen forty - two`, `nineteen fifty`, `two thousand five`.
    fn spoken_year(&self, k: usize) -> Option<(i32, usize)> {
        let w = self.w(k);
        let century = match w {
            "eighteen" => 1800,
            "nineteen" => 1900,
            "twenty"
                if matches!(
                    self.w(k + 1),
                    "ten"
                        | "eleven"
                        | "twelve"
                        | "thirteen"
                        | "fourteen"
                        | "fifteen"
                        | "sixteen"
                        | "seventeen"
                        | "eighteen"
                        | "nineteen"
                        | "twenty"
                ) =>
            {
                2000
            }
            "two" if self.w(k + 1) == "thousand" => {
                let mut e = k + 2;
                if self.w(e) == "and" {
                    e += 1;
                }
                let y = lexicon::small_number(self.w(e)).filter(|y| *y >= 1.0 && *y < 30.0)?;
                if lexicon::is_tens(self.w(e)) {
                    return None;
                }
                return Some((2000 + y as i32, e + 1));
            }
            _ => return None,
        };
        let t = self.w(k + 1);
        let tens = lexicon::small_number(t).filter(|v| *v >= 10.0)?;
        let mut e = k + 2;
        let mut y = tens;
        if lexicon::is_tens(t) {
            let h = self.hyphen(e).unwrap_or(e);
            if let Some(u) = lexicon::small_number(self.w(h)).filter(|u| (1.0..10.0).contains(u)) {
                y += u;
                e = h + 1;
            }
        }
        Some((century + y as i32, e))
    }

    /// A bare year at `k`, as a hit.
    fn year_hit(&self, k: usize) -> Option<Hit> {
        let y = self.year_at(k)?;
        Some(Hit::new(
            k + 1,
            Label::Date,
            Some(Value::Date {
                date: format!("{y:04}"),
            }),
            score::YEAR,
        ))
    }

    /// A decade at `k` (`1990s`, or `1960's` and `the 60's` with an apostrophe), as a hit.
    fn decade_hit(&self, k: usize) -> Option<Hit> {
        let (y, end) = match numbers::digit_token(self.s(k))? {
            DigitToken::Decade(y) => (y, k + 1),
            _ => (self.apostrophe_decade(k)?, k + 2),
        };
        if y < 100 {
            if let Some(h) = self.decade_of_life_or_level(k, end) {
                return Some(h);
            }
        }
        let y = if y < 100 { 1900 + y } else { y };
        Some(Hit::new(
            end,
            Label::Date,
            Some(Value::Date {
                date: format!("{}", y / 10),
            }),
            score::MONTH_DATE,
        ))
    }

    /// An age after `aged`, from `k`: a DATE as OntoNotes tags them (`aged 54`, `aged 18 to 49`, `aged 60 and
    /// above`), `aged` left out and `between` kept; one age is valued as a period (`P54Y`), a range not.
    #[inline(never)]
    fn aged(&self, k: usize) -> Option<Hit> {
        let between = self.w(k) == "between";
        let j = k + between as usize;
        let n = self.number(j).filter(Num::is_age)?;
        let mut end = n.end;
        let mut single = true;
        let joint = self.w(end);
        if matches!(joint, "to" | "-") || (between && joint == "and") {
            if let Some(n2) = self.number(end + 1).filter(Num::is_age) {
                end = n2.end;
                single = false;
            }
        } else if matches!(joint, "and" | "or")
            && matches!(
                self.w(end + 1),
                "over" | "above" | "older" | "up" | "under" | "younger"
            )
        {
            end += 2;
            single = false;
        }
        if between && single {
            return None;
        }
        let v = single.then(|| Value::Duration {
            duration: duration(n.value, 'Y', false),
        });
        let mut h = Hit::new(end, Label::Date, v, score::DURATION);
        h.start = Some(k);
        Some(h)
    }

    /// A two-digit decade at `k` that is no decade of a century: an age after a possessive (`in her 70s`, a
    /// DATE as OntoNotes tags ages, without a year's value), or a level after `low`, `high`, `upper` or
    /// `lower` (`support in the low 30s`), or after `mid` in a sentence about temperatures or polls (`highs in
    /// the mid-30s`): a number without a value.
    #[inline(never)]
    fn decade_of_life_or_level(&self, k: usize, end: usize) -> Option<Hit> {
        let mut p = k.wrapping_sub(1);
        if self.is_hyphen(p) && self.glued(k) {
            p = p.wrapping_sub(1);
        }
        // (`in her early 30s`, `his mid-20s`, the second of `their 20s and 30s`)
        let q = if matches!(self.w(p), "early" | "mid" | "late") {
            p.wrapping_sub(1)
        } else if matches!(self.w(p), "and" | "or" | "to")
            && matches!(
                numbers::digit_token(self.s(p.wrapping_sub(1))),
                Some(DigitToken::Decade(_))
            )
        {
            p.wrapping_sub(2)
        } else {
            p
        };
        if possessive(self.w(q)) {
            return Some(Hit::new(end, Label::Date, None, score::MONTH_DATE));
        }
        let level = matches!(self.w(p), "low" | "mid" | "high" | "upper" | "lower");
        let (lo, hi) = (self.sent_start.get(), self.limit.get());
        let about_levels = || {
            (lo..hi).any(|i| {
                matches!(
                    self.w(i),
                    "highs"
                        | "lows"
                        | "temperature"
                        | "temperatures"
                        | "degrees"
                        | "celsius"
                        | "fahrenheit"
                        | "support"
                        | "poll"
                        | "polls"
                        | "polling"
                        | "approval"
                        | "rating"
                        | "ratings"
                        | "percent"
                        | "%"
                        | "score"
                        | "scores"
                )
            })
        };
        // (`mid` is as often a decade: `the mid-90s`)
        (level && (self.w(p) != "mid" || about_levels()))
            .then(|| Hit::new(end, Label::Number, None, score::MONTH_DATE))
    }

    /// A decade written with an apostrophe at `k` (`1960` + `'s`, `60` + `'s`): its first year as written.
    /// A year of this century with `'s` is mostly a possessive (`2020's election`), so it counts only before
    /// punctuation or a joining word (`in the 2000's and 2010's`).
    #[inline(never)]
    fn apostrophe_decade(&self, k: usize) -> Option<u32> {
        let d = self.s(k);
        if !matches!(self.s(k + 1), "'s" | "’s")
            || !self.glued(k + 1)
            || !(d.len() == 2 || d.len() == 4)
            || !d.ends_with('0')
            || !d.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let y: u32 = d.parse().ok()?;
        let after = self.w(k + 2);
        let joined = after.is_empty()
            || !after
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphanumeric())
            || matches!(after, "and" | "or" | "to" | "through" | "until" | "when");
        (y < 100 || (1100..2000).contains(&y) || joined).then_some(y)
    }

    /// A weekday's value: resolved against the document date (`dir` -1 for `last`, 1 for `next`, 2 for the day
    /// on or after the document date; otherwise the
    /// day on or after the document date when the sentence around token `at` speaks of the future (`will hold
    /// a strike on Friday`), else the day on or before it, as news mostly reports what happened).
    fn weekday_value(&self, wd: u32, dir: i32, at: usize) -> Value {
        match self.date {
            Some(d) => {
                let date = match dir {
                    -1 => calendar::weekday_on_or_before(calendar::add_days(d, -1), wd),
                    1 => calendar::add_days(calendar::weekday_on_or_before(d, wd), 7),
                    _ if dir == 2 || self.tense(at) == 1 => {
                        calendar::weekday_on_or_before(calendar::add_days(d, 6), wd)
                    }
                    _ => calendar::weekday_on_or_before(d, wd),
                };
                Value::Date {
                    date: date.to_string(),
                }
            }
            None => Value::Weekday {
                weekday: lexicon::weekday_name(wd).to_string(),
            },
        }
    }

    /// The value of a weekday with a day of the month (`Friday the 13th`): with a document date, the nearest
    /// such day before it (after it when the sentence speaks of the future, see [`Scanner::tense`]) within
    /// three years; otherwise the weekday.
    fn weekday_day_value(&self, wd: u32, day: u32, at: usize) -> Value {
        let fallback = Value::Weekday {
            weekday: lexicon::weekday_name(wd).to_string(),
        };
        let Some(d) = self.date else { return fallback };
        let dir = if self.tense(at) == 1 { 1 } else { -1 };
        // the document's own month first, then month by month in the sentence's direction
        for k in 0..36 {
            let (y, m) = calendar::add_months(d.year, d.month, dir * k);
            if !calendar::valid_day(Some(y), m, day) {
                continue;
            }
            let c = CivilDate {
                year: y,
                month: m,
                day,
            };
            let on_side = if dir == 1 { c >= d } else { c <= d };
            if on_side && calendar::weekday_of(c) == wd {
                return Value::Date {
                    date: c.to_string(),
                };
            }
        }
        fallback
    }

    /// Phrases after `the` that OntoNotes keeps with it: `the 1990s`, `the past five years`, `the weekend`,
    /// `the beginning of January`, `the summer of 2005`, `the third quarter`, `the 21st century`.
    fn the_phrase(&self, k: usize) -> Option<Hit> {
        let w = self.w(k);
        // the day after tomorrow, the day before yesterday
        if w == "day"
            && matches!(
                (self.w(k + 1), self.w(k + 2)),
                ("after", "tomorrow") | ("before", "yesterday")
            )
        {
            let off = if self.w(k + 2) == "tomorrow" { 2 } else { -2 };
            let v = self.date.map(|d| Value::Date {
                date: calendar::add_days(d, off).to_string(),
            });
            return Some(Hit::new(k + 3, Label::Date, v, score::RELATIVE));
        }
        if let Some(h) = self.decade_hit(k) {
            return Some(h);
        }
        if (w == "'" || w == "‘" || w == "’") && self.glued(k + 1) {
            if let Some(h) = self.decade_hit(k + 1) {
                return Some(h);
            }
        }
        match w {
            "weekend" => return Some(Hit::new(k + 1, Label::Date, None, score::VAGUE)),
            // the same period last year, the same quarter a year earlier
            "same"
                if matches!(
                    self.w(k + 1),
                    "period" | "time" | "quarter" | "month" | "week" | "day"
                ) =>
            {
                let e = k + 2;
                if let Some(h) = self.date_words(e).filter(|h| h.label == Some(Label::Date)) {
                    return Some(Hit::new(h.end, Label::Date, None, score::RELATIVE));
                }
                if self.w(e) == "a"
                    && self.w(e + 1) == "year"
                    && matches!(self.w(e + 2), "ago" | "earlier" | "before")
                {
                    return Some(Hit::new(e + 3, Label::Date, None, score::RELATIVE));
                }
            }
            _ if decade_word(w).is_some() => {
                let v = decade_word(w).map(|d| Value::Date {
                    date: format!("19{}", d / 10),
                });
                return Some(Hit::new(k + 1, Label::Date, v, score::RELATIVE));
            }
            "early" | "late" | "mid" | "mid-" => {
                if let Some(h) = self.date_words(k).filter(|h| h.label == Some(Label::Date)) {
                    return Some(h);
                }
            }
            "past" | "last" | "next" | "previous" | "coming" | "following" | "first" | "final"
                if !(w == "first" && self.quarter_of_year(k)) =>
            {
                // the past five years, the last two decades, the past year, the next few days
                let j = k + 1;
                let num = self.number(j);
                let mut u = num.map_or(j, |n| n.end);
                if num.is_some() && matches!(self.w(u), "or" | "to" | "-") {
                    if let Some(n2) = self.number(u + 1).filter(|n| !n.article) {
                        u = n2.end;
                    }
                }
                let uw = self.w(u);
                if lexicon::date_unit(uw).is_some()
                    && (num.is_some()
                        || !uw.ends_with('s')
                        || matches!(w, "past" | "last" | "coming" | "next"))
                {
                    if num.is_none()
                        && matches!(uw, "years" | "months" | "weeks" | "days" | "decades")
                        && !matches!(w, "past" | "last" | "next" | "coming")
                    {
                        return None;
                    }
                    let v = num.and_then(|n| {
                        let (letter, per) = lexicon::date_unit(uw)?;
                        (!n.value.is_nan()).then(|| Value::Duration {
                            duration: duration(n.value * per, letter, false),
                        })
                    });
                    return Some(Hit::new(u + 1, Label::Date, v, score::RELATIVE));
                }
                if lexicon::time_unit(uw).is_some() && uw != "second" {
                    let v = num.and_then(|n| {
                        let letter = lexicon::time_unit(uw)?;
                        (!n.value.is_nan()).then(|| Value::Duration {
                            duration: duration(n.value, letter, true),
                        })
                    });
                    return Some(Hit::new(u + 1, Label::Time, v, score::RELATIVE));
                }
            }
            "beginning" | "start" | "end" | "middle" | "turn" | "spring" | "summer" | "fall"
            | "autumn" | "winter" => {
                if self.w(k + 1) == "of" {
                    let j = k + 2;
                    let inner = self
                        .month_date(j)
                        .or_else(|| self.year_hit(j))
                        .or_else(|| self.the_inner(j))
                        .or_else(|| self.date_words(j).filter(|h| h.label == Some(Label::Date)));
                    if let Some(h) = inner {
                        // the value is the period's: the beginning of January is in January
                        return Some(Hit::new(h.end, Label::Date, h.value, score::RELATIVE));
                    }
                }
            }
            "year" => {
                if let Some(y) = self.year_at(k + 1) {
                    return Some(Hit::new(
                        k + 2,
                        Label::Date,
                        Some(Value::Date {
                            date: format!("{y:04}"),
                        }),
                        score::MONTH_DATE,
                    ));
                }
            }
            _ => {}
        }
        if w == "month" && self.w(k + 1) == "of" {
            if let Some(h) = self.month_date(k + 2) {
                return Some(Hit::new(h.end, Label::Date, h.value, score::MONTH_DATE));
            }
        }
        // the year ended June 30, the 12 months ending Aug. 31, the quarter ended Sept. 30
        {
            let mut j = k;
            let mut unit = false;
            while j < k + 5 && !matches!(self.w(j), "ended" | "ending" | "") {
                let wj = self.w(j);
                unit |= lexicon::date_unit(wj).is_some() || matches!(wj, "period" | "half");
                j += 1;
            }
            if unit && matches!(self.w(j), "ended" | "ending") {
                if let Some(h) = self
                    .at(j + 1)
                    .filter(|h| h.label == Some(Label::Date) && h.start.is_none())
                {
                    // the period read up to `ended` (`12 months`, `year`), ending on that date
                    let read = self
                        .limited(j, || self.at(k))
                        .filter(|p| p.end == j)
                        .and_then(|p| p.value);
                    // a single unit: the year ended June 30 (a year), the fiscal quarter ended (three months)
                    let single = matches!(j - k, 1 | 2)
                        && (j - k == 1 || matches!(self.w(k), "fiscal" | "financial"));
                    let one = lexicon::date_unit(self.w(j - 1))
                        .filter(|(_, per)| single && *per < 10.0 && !self.w(j - 1).ends_with('s'))
                        .map(|(letter, per)| Value::Duration {
                            duration: duration(per, letter, false),
                        });
                    let period = match (read.or(one), &h.value) {
                        (Some(Value::Duration { duration }), Some(Value::Date { date })) => {
                            period_to(&duration, date)
                        }
                        _ => None,
                    };
                    return Some(Hit::new(h.end, Label::Date, period, score::RELATIVE));
                }
            }
        }
        if let Some(h) = self.the_inner(k) {
            return Some(h);
        }
        // the first quarter (of 1990), the second half
        if let Some(n) = lexicon::ordinal_word(w) {
            if matches!(self.w(k + 1), "quarter" | "half") {
                let mut e = k + 2;
                let mut value = None;
                if self.w(e) == "of" {
                    if let Some(y) = self.year_at(e + 1) {
                        // the calendar months of the quarter or half, as for `Q4 2025`
                        let months = if self.w(k + 1) == "quarter" { 3 } else { 6 };
                        if (1.0..=(12 / months) as f64).contains(&n) && n.fract() == 0.0 {
                            let (m1, m2) = ((n as u32 - 1) * months + 1, n as u32 * months);
                            value = Some(Value::Date {
                                date: format!("{y:04}-{m1:02}/{y:04}-{m2:02}"),
                            });
                        }
                        e += 2;
                    } else if self.w(e + 1) == "the" && self.w(e + 2) == "year" {
                        e += 3;
                    } else if self.w(e + 1) == "fiscal" {
                        if let Some(h) = self.date_words(e + 1) {
                            e = h.end;
                        }
                    }
                }
                return Some(Hit::new(e, Label::Date, value, score::RELATIVE));
            }
            if self.w(k + 1) == "century" {
                return self.ordinal_word(k);
            }
        }
        if let Some(DigitToken::Ordinal(n)) = numbers::digit_token(self.s(k)) {
            if self.w(k + 1) == "century" {
                return Some(self.after_ordinal(n, k + 1));
            }
        }
        None
    }

    /// Inner pieces after `the` that are dates by themselves: `the year`, `the month`, `the decade`.
    fn the_inner(&self, k: usize) -> Option<Hit> {
        if self.w(k) == "the" {
            if matches!(
                self.w(k + 1),
                "year" | "decade" | "century" | "month" | "week" | "1990s"
            ) {
                return Some(Hit::new(k + 2, Label::Date, None, score::RELATIVE));
            }
            if let Some(h) = self.decade_hit(k + 1) {
                return Some(h);
            }
        }
        if matches!(self.w(k), "this" | "last" | "next")
            && matches!(
                self.w(k + 1),
                "year" | "month" | "week" | "decade" | "century"
            )
        {
            return Some(Hit::new(k + 2, Label::Date, None, score::RELATIVE));
        }
        None
    }
}

/// A decade in words (`sixties`): its first year within the century.
/// The first end of a range `a to b` where a scale word or suffix follows only `b` (`1.2 to 1.5 billion`,
/// `10-15m`): `a` takes `b`'s scale when it has none and is written below a thousand (`500,000 to 1.5
/// million` keeps its own value).
/// The ISO 8601 interval of a period `duration` (`P3M`) that ends on `date` (`--06-30`, `2026-06-30`):
/// `P3M/--06-30`; none when the end is itself an interval.
/// A hundredth of `v` (cents and pence in the currency's unit), without the binary fraction's tail
/// (`71.2` cents is `0.712`, not `0.7120000000000001`).
fn hundredth(v: f64) -> f64 {
    (v / 100.0 * 1e9).round() / 1e9
}

fn period_to(duration: &str, date: &str) -> Option<Value> {
    (duration.starts_with('P') && !date.contains('/')).then(|| Value::Date {
        date: format!("{duration}/{date}"),
    })
}

/// The ISO interval of a span of years from `y` to `b`, written in two digits (`2023-24`, `1999-00`: the
/// next year with those last digits) or four (`1991-2020`); `None` when it would not end after it starts.
fn year_interval(y: i32, b: &str) -> Option<String> {
    if !b.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: i32 = b.parse().ok()?;
    let end = match b.len() {
        2 => {
            let e = y - y.rem_euclid(100) + n;
            if e > y {
                e
            } else {
                e + 100
            }
        }
        4 => n,
        _ => return None,
    };
    (end > y && end <= y + 100).then(|| format!("{y:04}/{end:04}"))
}

/// The value of a range from the values of its two ends: the first, with the second's amount as its `to`
/// when both are amounts of the same kind, currency and unit (`8 % to 9 %`, `$10-12 million`).
/// `v` with its amount (number, amount of money or of a quantity, percentage) set to `a`; `None` for a value
/// that has none.
fn with_amount(v: Value, a: f64) -> Option<Value> {
    match v {
        Value::Number { approx, to, .. } => Some(Value::Number {
            number: a,
            approx,
            to,
        }),
        Value::Money { currency, to, .. } => Some(Value::Money {
            amount: a,
            currency,
            to,
        }),
        Value::Percent { to, .. } => Some(Value::Percent { percent: a, to }),
        Value::Quantity { unit, to, .. } => Some(Value::Quantity {
            amount: a,
            unit,
            to,
        }),
        _ => None,
    }
}

fn range_value(first: Option<Value>, second: Option<Value>) -> Option<Value> {
    let to = match (&first, &second) {
        (Some(Value::Number { .. }), Some(Value::Number { number, .. })) => Some(*number),
        (Some(Value::Percent { .. }), Some(Value::Percent { percent, .. })) => Some(*percent),
        (
            Some(Value::Money { currency: a, .. }),
            Some(Value::Money {
                amount,
                currency: b,
                ..
            }),
        ) if a == b => Some(*amount),
        (
            Some(Value::Quantity { unit: a, .. }),
            Some(Value::Quantity {
                amount, unit: b, ..
            }),
        ) if a == b => Some(*amount),
        _ => None,
    };
    first.map(|v| v.with_to(to.filter(|t| !t.is_nan())))
}

fn shared_scale(a: &Num, b: &Num) -> f64 {
    if a.scale == 1.0 && b.scale > 1.0 && a.value.abs() < 1000.0 && a.end > 0 {
        a.value * b.scale
    } else {
        a.value
    }
}

/// A possessive determiner, before an age (`in her 70s`).
fn possessive(w: &str) -> bool {
    matches!(w, "her" | "his" | "their" | "my" | "your" | "our")
}

fn decade_word(w: &str) -> Option<u32> {
    Some(match w {
        "twenties" => 20,
        "thirties" => 30,
        "forties" => 40,
        "fifties" => 50,
        "sixties" => 60,
        "seventies" => 70,
        "eighties" => 80,
        "nineties" => 90,
        _ => return None,
    })
}

/// `a.m.` / `p.m.` in their spellings: `Some(true)` for p.m. (`p . m` pieces are joined by the caller).
fn ampm(w: &str) -> Option<bool> {
    match w {
        "a.m." | "a.m" | "am" => Some(false),
        "p.m." | "p.m" | "pm" => Some(true),
        _ => None,
    }
}

/// An ISO 8601 duration: `P30Y`, `P1.5Y`, `PT2H`.
fn duration(n: f64, letter: char, time: bool) -> String {
    let n = if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{}", (n * 1000.0).round() / 1000.0)
    };
    if time {
        format!("PT{n}{letter}")
    } else {
        format!("P{n}{letter}")
    }
}
