//! Candidates beyond the rules' own reading, for the learned filter to judge: vague time words and holidays
//! that OntoNotes tags only some of the time (`the day`, `years`, `morning`, `Christmas`), and alternative
//! boundaries of what the rules read (with a following `'s`, without a leading `the` / qualifier, with a
//! preceding `the`).

use crate::text::Document;
use crate::{Approx, Entity, Label, Value};
use std::sync::OnceLock;

/// Where a candidate comes from (a feature of the filter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Origin {
    /// read by the rules
    Rule = 0,
    /// a vague time phrase from [`PHRASES`]
    Phrase = 1,
    /// a rule's reading extended over a following `'s`
    Possessive = 2,
    /// a rule's reading without its first word (`the`, `about`, ...)
    Trimmed = 3,
    /// a rule's reading with a preceding `the`
    WithThe = 4,
    /// a shorter reading of the rules inside a longer one (`50` in `more than 50`), see
    /// `rules::Scanner::run_with_parts`
    Part = 5,
    /// a candidate with a word of [`LEFT`] in front (`each month`, `another 2.5 %`)
    LeftWord = 6,
    /// a date or time with `later`, `earlier`, `ago` or `before` after it
    RightWord = 7,
    /// a holiday of [`HOLIDAYS`] (always kept unless a longer candidate wins)
    Holiday = 8,
}

/// A candidate figure and where it comes from.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// the figure (its `score` is the rule family's fixed score)
    pub entity: Entity,
    /// where it comes from
    pub origin: Origin,
}

/// Vague phrases (lowercase, space-separated tokens) and their label.
const PHRASES: &[(&str, Label)] = &[
    ("the day", Label::Date),
    ("that day", Label::Date),
    ("the same day", Label::Date),
    ("a day", Label::Date),
    ("every day", Label::Date),
    ("day", Label::Date),
    ("days", Label::Date),
    ("these days", Label::Date),
    ("that year", Label::Date),
    ("a year", Label::Date),
    ("year", Label::Date),
    ("years", Label::Date),
    ("the years", Label::Date),
    ("many years", Label::Date),
    ("fiscal year", Label::Date),
    ("week", Label::Date),
    ("weeks", Label::Date),
    ("the week", Label::Date),
    ("month", Label::Date),
    ("months", Label::Date),
    ("the month", Label::Date),
    ("decades", Label::Date),
    ("century", Label::Date),
    ("the century", Label::Date),
    ("weekly", Label::Date),
    ("seasonally", Label::Date),
    ("now", Label::Date),
    ("the time", Label::Date),
    ("summer", Label::Date),
    ("the summer", Label::Date),
    ("fall", Label::Date),
    ("winter", Label::Date),
    ("spring", Label::Date),
    ("daily", Label::Date),
    ("quarterly", Label::Date),
    ("yearly", Label::Date),
    ("weeklong", Label::Date),
    ("decade", Label::Date),
    ("the decade", Label::Date),
    ("autumn", Label::Date),
    ("the quarter", Label::Date),
    ("the holidays", Label::Date),
    ("overnight", Label::Time),
    ("a minute", Label::Time),
    ("this hour", Label::Time),
    ("lunchtime", Label::Time),
    ("morning", Label::Time),
    ("the morning", Label::Time),
    ("night", Label::Time),
    ("the night", Label::Time),
    ("afternoon", Label::Time),
    ("the afternoon", Label::Time),
    ("evening", Label::Time),
    ("the evening", Label::Time),
    ("an hour", Label::Time),
    ("hours", Label::Time),
    ("the year", Label::Date),
    ("a week", Label::Date),
    ("a month", Label::Date),
    ("a decade", Label::Date),
    ("one day", Label::Date),
    ("the days", Label::Date),
    ("the past", Label::Date),
    ("the spring", Label::Date),
    ("the new year", Label::Date),
    ("the other day", Label::Date),
    ("the whole year", Label::Date),
    ("the year before", Label::Date),
    ("the year before last", Label::Date),
    ("the months ahead", Label::Date),
    ("the coming months", Label::Date),
    ("coming months", Label::Date),
    ("coming days", Label::Date),
    ("the coming days", Label::Date),
    ("the coming weeks", Label::Date),
    ("coming weeks", Label::Date),
    ("more than a year", Label::Date),
    ("more than a decade", Label::Date),
    ("earlier in the week", Label::Date),
    ("the new millennium", Label::Date),
    ("the new century", Label::Date),
    ("centuries", Label::Date),
    ("nightly", Label::Date),
    ("everyday", Label::Date),
    ("seasonal", Label::Date),
    ("weekend", Label::Date),
    ("a moment", Label::Time),
    ("the next morning", Label::Time),
    ("later in the day", Label::Time),
    ("earlier in the day", Label::Time),
    ("the end of the day", Label::Time),
    ("early in the morning", Label::Time),
    ("the top of the hour", Label::Time),
    ("mornings", Label::Time),
    ("nights", Label::Time),
    ("hourly", Label::Time),
    ("seconds", Label::Time),
    ("the minute", Label::Time),
    ("minutes", Label::Time),
    ("the latest week", Label::Date),
    ("the year - earlier period", Label::Date),
    ("the year-earlier period", Label::Date),
    ("the year - earlier quarter", Label::Date),
    ("the year-earlier quarter", Label::Date),
    ("the year - ago quarter", Label::Date),
    ("the year-ago quarter", Label::Date),
    ("the year - ago period", Label::Date),
    ("the year-ago period", Label::Date),
    ("the first nine months of the year", Label::Date),
    ("the first half of the year", Label::Date),
    ("the second half of the year", Label::Date),
    ("the previous fiscal year", Label::Date),
    ("the current fiscal year", Label::Date),
    ("the current quarter", Label::Date),
    ("year 's end", Label::Date),
    ("the past couple of years", Label::Date),
    ("the same period of the previous year", Label::Date),
];

/// The longest first word of a phrase in [`PHRASES`] or [`HOLIDAYS`] (`thanksgiving`; longer tokens are skipped
/// without a look-up).
const MAX_FIRST: usize = 12;

/// Phrases split into words and grouped by first word, sorted for binary search, plus a bit per first letter
/// and length of a first word, which most words fail before any search. `T` is what a phrase gives: a label
/// ([`PHRASES`]) or a day ([`HOLIDAYS`]).
struct FirstWordIndex<T: 'static> {
    by_first: Vec<(&'static str, Vec<(Vec<&'static str>, T)>)>,
    /// bit `len` of `lengths[first letter]`
    lengths: [u16; 32],
}

/// The index of a word's first letter in [`FirstWordIndex::lengths`].
fn letter_of(w: &[u8]) -> usize {
    w.first().map_or(0, |c| {
        (c.to_ascii_lowercase().wrapping_sub(b'a') & 31) as usize
    })
}

impl<T: Copy> FirstWordIndex<T> {
    fn build(phrases: &'static [(&'static str, T)]) -> FirstWordIndex<T> {
        let mut by_first: Vec<(&'static str, Vec<(Vec<&'static str>, T)>)> = Vec::new();
        let mut lengths = [0u16; 32];
        for &(p, value) in phrases {
            let words: Vec<&'static str> = p.split(' ').collect();
            debug_assert!(words[0].len() <= MAX_FIRST);
            lengths[letter_of(words[0].as_bytes())] |= 1 << words[0].len();
            match by_first.iter_mut().find(|(k, _)| *k == words[0]) {
                Some((_, v)) => v.push((words, value)),
                None => by_first.push((words[0], vec![(words, value)])),
            }
        }
        // stable: phrases of one first word keep their order in the table
        by_first.sort_by_key(|(k, _)| *k);
        FirstWordIndex { by_first, lengths }
    }

    /// Whether a word of these bytes (any case) may start a phrase: its first letter and length.
    fn may_start(&self, w: &[u8]) -> bool {
        w.len() <= MAX_FIRST && self.lengths[letter_of(w)] & (1 << w.len()) != 0
    }

    /// The phrases whose first word is `w`, in any ASCII case.
    fn get(&self, w: &[u8]) -> &[(Vec<&'static str>, T)] {
        if !self.may_start(w) {
            return &[];
        }
        let mut buf = [0u8; MAX_FIRST];
        for (d, c) in buf.iter_mut().zip(w) {
            *d = c.to_ascii_lowercase();
        }
        match self
            .by_first
            .binary_search_by(|(k, _)| k.as_bytes().cmp(&buf[..w.len()]))
        {
            Ok(i) => &self.by_first[i].1,
            Err(_) => &[],
        }
    }
}

/// [`PHRASES`] indexed by their first word, built once. Matching each token against every phrase (splitting
/// the phrase each time) cost as much as all the rest of the figures stage.
fn phrase_index() -> &'static FirstWordIndex<Label> {
    static INDEX: OnceLock<FirstWordIndex<Label>> = OnceLock::new();
    INDEX.get_or_init(|| FirstWordIndex::build(PHRASES))
}

/// [`HOLIDAYS`] indexed by their first word, built once.
fn holiday_index() -> &'static FirstWordIndex<Day> {
    static INDEX: OnceLock<FirstWordIndex<Day>> = OnceLock::new();
    INDEX.get_or_init(|| FirstWordIndex::build(HOLIDAYS))
}

/// Words a reading may lose at its start. Not the qualifiers (`about`, `nearly`, `more than`, ...): the issue
/// and GUIDE include them in the span, and the value carries their bound (`{"number": 12, "approx": "about"}`).
const TRIM: &[&str] = &["the", "only", "just"];

/// The rules' candidates plus the extra ones, sorted by start (extras may overlap rule readings).
pub fn expand(
    doc: &Document<'_>,
    rules: Vec<Entity>,
    parts: Vec<Entity>,
    scanner: &super::rules::Scanner<'_>,
) -> Vec<Candidate> {
    let toks = &doc.tokens;
    let n = toks.len();
    let mut covered = vec![false; n];
    let mut out: Vec<Candidate> = Vec::with_capacity(rules.len() * 3);
    // holidays first: the rules' readings inside one give way (`Friday` of `Black Friday`), and a date the
    // rules read from inside one or right after it joins it (`Black Friday, November 27`, `Christmas 2025`)
    let mut holidays: Vec<(usize, usize)> = Vec::new();
    let mut hcands: Vec<Candidate> = Vec::new();
    let mut i = 0;
    let bytes = doc.text.as_bytes();
    let mut r = 0; // rule readings before this one start before the current holiday
    while i < n {
        // (a holiday starts with a capital letter: most tokens are skipped here)
        if !bytes[toks[i].start].is_ascii_uppercase() {
            i += 1;
            continue;
        }
        let Some((k, day)) = holiday_at(doc, i) else {
            i += 1;
            continue;
        };
        let (start, mut end) = (toks[i].start, toks[i + k - 1].end);
        let mut value = holiday_value(day, i, scanner.has_date().then_some(scanner));
        let mut sure = holiday_in_time(doc, i, k);
        // (past those that start before it or lie inside it: `Friday` of `Black Friday`)
        while r < rules.len()
            && (rules[r].start <= start || (rules[r].start < end && rules[r].end <= end))
        {
            r += 1;
        }
        // the first rule reading that starts inside the holiday or just after it (one space or `, `)
        if let Some(e) = rules
            .get(r)
            .filter(|e| e.label == Label::Date && e.end > end)
        {
            let gap = doc.text.get(end..e.start).unwrap_or("x");
            if e.start < end || matches!(gap, "" | " " | ", ") {
                // `Christmas 2025`: the holiday in that year; else the date the rules read
                let in_year = match &e.value {
                    Some(Value::Date { date }) if date.len() == 4 => date
                        .parse::<i32>()
                        .ok()
                        .and_then(|y| day.on(y).map(|(m, d)| format!("{y:04}-{m:02}-{d:02}"))),
                    _ => None,
                };
                value = in_year
                    .map(|date| Value::Date { date })
                    .or_else(|| e.value.clone());
                // (the reading now lies inside the holiday and is dropped below with the others)
                end = e.end;
                sure = true;
            }
        }
        holidays.push((start, end));
        let entity = Entity {
            start,
            end,
            label: Label::Date,
            text: doc.text[start..end].to_string(),
            score: 0.9,
            group: None,
            value,
        };
        hcands.push(Candidate {
            entity,
            origin: if sure {
                Origin::Holiday
            } else {
                Origin::Phrase
            },
        });
        while i < n && toks[i].start < end {
            covered[i] = true;
            i += 1;
        }
    }
    out.append(&mut hcands);
    let rules: Vec<Entity> = if holidays.is_empty() {
        rules
    } else {
        rules
            .into_iter()
            .filter(|e| !within(&holidays, e))
            .collect()
    };
    // a tight range (`£3bn-£4bn`, `12-15 percent`) is read whole: OntoNotes writes ranges spaced, so the filter
    // has never seen the parts of a tight one and may keep one alone
    let tight: Vec<(usize, usize)> = rules
        .iter()
        .filter(|e| tight_range(&e.text))
        .map(|e| (e.start, e.end))
        .collect();
    // (nor a part that starts inside a currency mark: `$38.20` of `S$38.20`)
    let inside_mark = |e: &Entity| {
        e.text.starts_with('$') && e.start > 0 && bytes[e.start - 1].is_ascii_uppercase()
    };
    let parts: Vec<Entity> = parts
        .into_iter()
        .filter(|e| !within(&holidays, e) && !within(&tight, e) && !inside_mark(e))
        .collect();
    // the last token of each amount of money: a period after it is its rate (`20 million euros a month`)
    let mut money_end = vec![false; n];
    for e in &rules {
        let a = toks.partition_point(|t| t.start < e.start);
        let b = toks.partition_point(|t| t.start < e.end).min(n);
        covered[a..b.max(a)].iter_mut().for_each(|c| *c = true);
        if e.label == Label::Money && b > a {
            money_end[b - 1] = true;
        }
    }
    out.extend(rules.into_iter().map(|entity| Candidate {
        entity,
        origin: Origin::Rule,
    }));
    out.extend(parts.into_iter().map(|entity| Candidate {
        entity,
        origin: Origin::Part,
    }));
    let ent = |a: usize, b: usize, label: Label, score: f32| Entity {
        start: toks[a].start,
        end: toks[b - 1].end,
        label,
        text: doc.text[toks[a].start..toks[b - 1].end].to_string(),
        score,
        group: None,
        value: None,
    };
    // vague phrases over tokens no rule read, longest first
    let index = phrase_index();
    let mut i = 0;
    while i < n {
        let first = toks[i].text(doc.text).as_bytes();
        // a cheap test first: most tokens are too long, covered or of a first letter and length no phrase
        // starts with
        if covered[i] || !index.may_start(first) || !first.iter().all(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, Label)> = None;
        for (words, label) in index.get(first) {
            let k = words.len();
            if i + k > n || best.is_some_and(|(bk, _)| bk >= k) {
                continue;
            }
            // (the first word is the key, and uncovered)
            if words
                .iter()
                .enumerate()
                .skip(1)
                .all(|(j, w)| !covered[i + j] && same_word(toks[i + j].text(doc.text), w))
            {
                best = Some((k, *label));
            }
        }
        // (not the rate of an amount: OntoNotes train leaves `a month` after money untagged 98 times in 145)
        if i > 0 && money_end[i - 1] && matches!(first, b"a" | b"A" | b"per") {
            i += best.map_or(1, |(k, _)| k);
            continue;
        }
        // (nor a comparison of periods: `month on month`, `year-on-year`, untagged 7 times in 8 in OntoNotes
        // train)
        if let Some(skip) = best.and_then(|_| period_on_period(doc, i)) {
            i += skip;
            continue;
        }
        if let Some((k, label)) = best.filter(|_| !greeting(doc, i)) {
            out.push(Candidate {
                entity: ent(i, i + k, label, 0.5),
                origin: Origin::Phrase,
            });
            i += k;
        } else {
            i += 1;
        }
    }
    let mut alts = Vec::with_capacity(out.len());
    for c in &out {
        extend(doc, c, &mut alts);
    }
    out.append(&mut alts);
    out.sort_by_key(|c| {
        (
            c.entity.start,
            c.entity.end,
            c.entity.label as u8,
            c.origin as u8,
        )
    });
    // one candidate per span and label (the first origin in the order above wins)
    out.dedup_by(|b, a| {
        (a.entity.start, a.entity.end, a.entity.label)
            == (b.entity.start, b.entity.end, b.entity.label)
    });
    out
}

/// The number of tokens of `month on month`, `year-on-year` (spaced or hyphenated) starting at token `i`.
fn period_on_period(doc: &Document<'_>, i: usize) -> Option<usize> {
    let toks = &doc.tokens;
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(doc.text));
    let unit = word(i);
    if !["year", "month", "week", "quarter", "day"]
        .iter()
        .any(|u| unit.eq_ignore_ascii_case(u))
    {
        return None;
    }
    let hyphen = |k: usize| matches!(word(k), "-" | "‐" | "–");
    if word(i + 1).eq_ignore_ascii_case("on") && word(i + 2).eq_ignore_ascii_case(unit) {
        return Some(3);
    }
    (hyphen(i + 1)
        && word(i + 2).eq_ignore_ascii_case("on")
        && hyphen(i + 3)
        && word(i + 4).eq_ignore_ascii_case(unit))
    .then_some(5)
}

/// Whether `e` lies inside one of `spans` (sorted by start and disjoint: the last one starting at or before `e`
/// is the only one that can hold it).
fn within(spans: &[(usize, usize)], e: &Entity) -> bool {
    let h = spans.partition_point(|&(s, _)| s <= e.start);
    h > 0 && e.end <= spans[h - 1].1
}

/// Whether a reading holds a range written without spaces: a hyphen or an en dash between a digit (or a
/// scale letter after one) and a digit or currency sign (`12-15 percent`, `£3bn-£4bn`, `$4.5bn-$5bn`, `5–7%`).
fn tight_range(text: &str) -> bool {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(1)).any(|i| {
        // the dash's last byte: `-`, or `–` (E2 80 93)
        let dash = if b[i] == b'-' {
            Some(i)
        } else {
            (b[i] == 0x93 && i >= 3 && b[i - 2..i] == [0xE2, 0x80]).then(|| i - 2)
        };
        dash.is_some_and(|d| {
            (b[d - 1].is_ascii_digit()
                || (b[d - 1].is_ascii_alphabetic() && d >= 2 && b[d - 2].is_ascii_alphanumeric()))
                && (b[i + 1].is_ascii_digit()
                    || !b[i + 1].is_ascii_alphanumeric() && !b[i + 1].is_ascii_whitespace())
        })
    })
}

/// Token `t` is the phrase word `w` (lowercase): ASCII case aside, and `’s` as `'s`.
fn same_word(t: &str, w: &str) -> bool {
    t.eq_ignore_ascii_case(w) || (t == "’s" && w == "'s")
}

/// When a holiday falls.
#[derive(Clone, Copy, Debug)]
pub enum Day {
    /// every year on this month and day
    Fixed(u32, u32),
    /// on the month and day this function gives for a year
    Movable(fn(i32) -> (u32, u32)),
    /// on a day this crate does not compute (lunar calendars, days that differ by country)
    Unknown,
}

impl Day {
    /// Its month and day in `year`; `None` for [`Day::Unknown`].
    fn on(self, year: i32) -> Option<(u32, u32)> {
        match self {
            Day::Fixed(m, d) => Some((m, d)),
            Day::Movable(f) => Some(f(year)),
            Day::Unknown => None,
        }
    }
}

/// The `n`th (1-based; 5 for the last) weekday `wd` (0 Monday .. 6 Sunday) of a month, as month and day.
fn nth_weekday(year: i32, month: u32, wd: u32, n: u32) -> (u32, u32) {
    use super::calendar::weekday_of;
    let first = crate::CivilDate {
        year,
        month,
        day: 1,
    };
    let mut day = 1 + (wd + 7 - weekday_of(first)) % 7 + 7 * (n - 1);
    while day > crate::days_in_month(year, month) {
        day -= 7;
    }
    (month, day)
}

/// Western Easter Sunday (the anonymous Gregorian algorithm).
fn easter(y: i32) -> (u32, u32) {
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    (month as u32, day as u32)
}

/// The date `n` days after month and day `md` of `year`.
fn shift(year: i32, md: (u32, u32), n: i64) -> (u32, u32) {
    let d = super::calendar::add_days(
        crate::CivilDate {
            year,
            month: md.0,
            day: md.1,
        },
        n,
    );
    (d.month, d.day)
}

fn thanksgiving(y: i32) -> (u32, u32) {
    nth_weekday(y, 11, 3, 4)
}

/// Holidays (lowercase, space-separated tokens, the first capitalised in the text) and when they fall (US
/// dates where countries differ and the US one is the one news means: Thanksgiving, Memorial Day, Labor
/// Day). OntoNotes tags them as DATEs more often than not (`Christmas` 31 times in train against 8 MISC and 11
/// untagged, `Halloween` 9 of 11, `Election Day` 8 of 10); readers expect them as dates. Not `New Year's Eve`
/// nor the Spring Festival: OntoNotes has them as MISC (events).
const HOLIDAYS: &[(&str, Day)] = &[
    ("christmas", Day::Fixed(12, 25)),
    ("christmas day", Day::Fixed(12, 25)),
    ("christmas eve", Day::Fixed(12, 24)),
    ("boxing day", Day::Fixed(12, 26)),
    ("halloween", Day::Fixed(10, 31)),
    ("veterans day", Day::Fixed(11, 11)),
    ("remembrance day", Day::Fixed(11, 11)),
    ("armistice day", Day::Fixed(11, 11)),
    ("groundhog day", Day::Fixed(2, 2)),
    ("valentine 's day", Day::Fixed(2, 14)),
    ("st. patrick 's day", Day::Fixed(3, 17)),
    ("thanksgiving", Day::Movable(thanksgiving)),
    ("thanksgiving day", Day::Movable(thanksgiving)),
    (
        "black friday",
        Day::Movable(|y| shift(y, thanksgiving(y), 1)),
    ),
    (
        "cyber monday",
        Day::Movable(|y| shift(y, thanksgiving(y), 4)),
    ),
    // the Tuesday after the first Monday of November
    (
        "election day",
        Day::Movable(|y| shift(y, nth_weekday(y, 11, 0, 1), 1)),
    ),
    ("memorial day", Day::Movable(|y| nth_weekday(y, 5, 0, 5))),
    ("labor day", Day::Movable(|y| nth_weekday(y, 9, 0, 1))),
    ("easter", Day::Movable(easter)),
    ("easter sunday", Day::Movable(easter)),
    ("good friday", Day::Movable(|y| shift(y, easter(y), -2))),
    ("labour day", Day::Unknown),
    ("mother 's day", Day::Unknown),
    ("father 's day", Day::Unknown),
    ("super tuesday", Day::Unknown),
    ("ramadan", Day::Unknown),
    ("hanukkah", Day::Unknown),
    ("passover", Day::Unknown),
    ("diwali", Day::Unknown),
    ("eid", Day::Unknown),
    ("eid al - fitr", Day::Unknown),
    ("eid al - adha", Day::Unknown),
];

/// The value of a holiday starting at token `at`: its date against the document date (`scanner`, when the
/// document has one), else `--MM-DD` for a fixed one; `None` for those whose day is not computed.
fn holiday_value(
    day: Day,
    at: usize,
    scanner: Option<&super::rules::Scanner<'_>>,
) -> Option<Value> {
    let date = match (day, scanner) {
        (_, Some(sc)) => sc.holiday_date(at, |y| day.on(y)),
        (Day::Fixed(m, d), None) => Some(format!("--{m:02}-{d:02}")),
        _ => None,
    };
    date.map(|date| Value::Date { date })
}

/// The holiday of [`HOLIDAYS`] that starts at token `i`, longest first: its length in tokens and its day.
fn holiday_at(doc: &Document<'_>, i: usize) -> Option<(usize, Day)> {
    let toks = &doc.tokens;
    let first = toks[i].text(doc.text).as_bytes();
    // most tokens fail here: not capitalised, too long, or of a first letter and length no holiday starts with
    let index = holiday_index();
    if !first.first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let mut best: Option<(usize, Day)> = None;
    for (words, day) in index.get(first) {
        let k = words.len();
        if i + k > toks.len() || best.is_some_and(|(bk, _)| bk >= k) {
            continue;
        }
        // on one line, each word at most one space from the last
        let together = (i + 1..i + k)
            .all(|j| matches!(doc.text.get(toks[j - 1].end..toks[j].start), Some("" | " ")));
        if together
            && words
                .iter()
                .enumerate()
                .all(|(j, w)| same_word(toks[i + j].text(doc.text), w))
        {
            best = Some((k, *day));
        }
    }
    best
}

/// A holiday at tokens `i..i + k` read as a point in time for sure: after a preposition (`before Christmas`,
/// `on Black Friday`) or before punctuation or the end (`Christmas.`, `Thanksgiving, when`). Otherwise the
/// filter decides (`Christmas music` is no date; `the Thanksgiving holiday` is one in OntoNotes).
fn holiday_in_time(doc: &Document<'_>, i: usize, k: usize) -> bool {
    let toks = &doc.tokens;
    let before = i
        .checked_sub(1)
        .map(|j| toks[j].text(doc.text).to_ascii_lowercase());
    let after_preposition = before.as_deref().is_some_and(|w| {
        matches!(
            w,
            "before"
                | "after"
                | "at"
                | "on"
                | "over"
                | "for"
                | "until"
                | "till"
                | "by"
                | "since"
                | "during"
                | "of"
                | "around"
                | "through"
                | "from"
                | "to"
                | "past"
                | "ahead"
        )
    });
    // (not before a hyphen or a quote: `Christmas-themed`, `"Christmas" is a song`)
    let before_punctuation = toks.get(i + k).map_or(true, |t| {
        matches!(t.text(doc.text), "." | "," | ";" | ":" | ")" | "?" | "!")
    });
    // not a name that goes on (`the Good Friday Agreement`)
    let name_goes_on = toks
        .get(i + k)
        .is_some_and(|t| t.text(doc.text).starts_with(|c: char| c.is_uppercase()));
    (after_preposition || before_punctuation) && !name_goes_on
}

/// Whether `text` is a holiday of [`HOLIDAYS`] (a figure that wins over a name of the same span), and its
/// value without a document date.
pub fn holiday(text: &str) -> Option<Option<Value>> {
    // most texts fail on their first word, before any tokenizing
    let first = text
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .next()
        .unwrap_or("");
    if holiday_index().get(first.as_bytes()).is_empty() {
        return None;
    }
    let doc = Document::new(text);
    match holiday_at(&doc, 0) {
        Some((k, day)) if k == doc.tokens.len() => Some(holiday_value(day, 0, None)),
        _ => None,
    }
}

/// Words a figure may take in front of it (`each month`, `another 2.5 %`, `number five`).
const LEFT: &[&str] = &[
    "each",
    "every",
    "other",
    "most",
    "these",
    "those",
    "this",
    "that",
    "just",
    "another",
    "over",
    "like",
    "number",
    "no.",
    "additional",
    "all",
    "much",
    "only",
    "about",
    "some",
    "late",
    "early",
    "whole",
    "recent",
    "past",
    "next",
    "last",
    "later",
    "earlier",
    "fiscal",
    "first",
    "under",
];

/// The qualifier a word in front of a number adds to its value.
fn approx_of(w: &str) -> Option<Approx> {
    Some(match w {
        "over" => Approx::MoreThan,
        "under" => Approx::LessThan,
        "about" | "like" | "some" => Approx::About,
        _ => return None,
    })
}

/// Alternative boundaries of candidate `c`, pushed onto `out`: with a following `'s`, without a leading
/// `the` / qualifier (rule readings), with a preceding `the` (dates and times) or a word of [`LEFT`], with a
/// following `later` / `earlier` (dates and times). Each keeps the value of the reading it extends (a
/// qualifier in front of a number adds its bound).
fn extend(doc: &Document<'_>, c: &Candidate, out: &mut Vec<Candidate>) {
    let toks = &doc.tokens;
    let n = toks.len();
    let e = &c.entity;
    let a = toks.partition_point(|t| t.start < e.start);
    let b = toks.partition_point(|t| t.start < e.end).min(n);
    if a >= b {
        return;
    }
    let word = |i: usize| toks[i].text(doc.text);
    let alt = |a: usize, b: usize, origin: Origin, value: Option<Value>| Candidate {
        entity: Entity {
            start: toks[a].start,
            end: toks[b - 1].end,
            label: e.label,
            text: doc.text[toks[a].start..toks[b - 1].end].to_string(),
            score: e.score,
            group: None,
            value,
        },
        origin,
    };
    // the neighbour is on the same line, at most one space away
    let near_left = a > 0 && toks[a].start <= toks[a - 1].end + 1;
    let near_right = b < n && toks[b].start <= toks[b - 1].end + 1;
    if near_right && matches!(word(b), "'s" | "’s") {
        out.push(alt(a, b + 1, Origin::Possessive, e.value.clone()));
    } else if near_right
        && b + 1 < n
        && matches!(word(b), "'" | "’")
        && word(b + 1) == "s"
        && toks[b + 1].start == toks[b].end
    {
        // treebank-spaced text (`last year 's`): the tokenizer splits a detached `'s` in two
        out.push(alt(a, b + 2, Origin::Possessive, e.value.clone()));
    }
    if c.origin == Origin::Rule
        && b - a >= 2
        && TRIM.iter().any(|w| word(a).eq_ignore_ascii_case(w))
    {
        out.push(alt(a + 1, b, Origin::Trimmed, e.value.clone()));
    }
    let time = matches!(e.label, Label::Date | Label::Time);
    // (not over a vague phrase: `the` phrases are listed in PHRASES where OntoNotes takes them)
    if near_left && time && c.origin != Origin::Phrase && word(a - 1).eq_ignore_ascii_case("the") {
        out.push(alt(a - 1, b, Origin::WithThe, e.value.clone()));
    }
    if near_left && c.origin != Origin::Trimmed {
        let w = word(a - 1);
        // (capitalised too, at the start of a sentence: `Over 40 homes`, `Every year`)
        let first = w.bytes().next().is_some_and(|c| c.is_ascii_uppercase())
            && doc
                .sentences
                .get(doc.sentences.partition_point(|s| s.start < a - 1))
                .is_some_and(|s| s.start == a - 1);
        if w.len() <= 10
            && w.bytes()
                .enumerate()
                .all(|(k, c)| c.is_ascii_lowercase() || c == b'.' || (k == 0 && first))
        {
            // (not `last` the verb: `expected to last three weeks`, `will last a week`)
            let verb = w == "last"
                && a >= 2
                && matches!(
                    word(a - 2),
                    "to" | "will"
                        | "would"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "should"
                        | "must"
                        | "did"
                        | "does"
                        | "do"
                        | "'ll"
                        | "’ll"
                );
            if let Some(&w) = LEFT
                .iter()
                .find(|&&x| x.eq_ignore_ascii_case(w))
                .filter(|_| !verb)
            {
                let value = match (&e.value, approx_of(w)) {
                    (
                        Some(Value::Number {
                            number,
                            approx: None,
                            to,
                        }),
                        Some(q),
                    ) => Some(Value::Number {
                        to: *to,
                        number: *number,
                        approx: Some(q),
                    }),
                    (v, _) => v.clone(),
                };
                out.push(alt(a - 1, b, Origin::LeftWord, value));
            }
        }
    }
    if near_right && time && matches!(word(b), "later" | "earlier" | "ago" | "before") {
        out.push(alt(a, b + 1, Origin::RightWord, e.value.clone()));
    }
}

/// Token `i` is the second word of a greeting (`Good morning, Senator`, `Good evening`): no time of day. Not
/// after a word that makes it a time (`a good morning for buyers`, `the good evening light`).
fn greeting(doc: &Document<'_>, i: usize) -> bool {
    let toks = &doc.tokens;
    let word = |k: usize| toks[k].text(doc.text);
    i > 0
        && matches!(
            word(i).to_ascii_lowercase().as_str(),
            "morning" | "afternoon" | "evening" | "night"
        )
        && word(i - 1).eq_ignore_ascii_case("good")
        && !(i > 1
            && [
                "a", "an", "the", "this", "that", "one", "very", "such", "another", "every",
            ]
            .iter()
            .any(|w| word(i - 2).eq_ignore_ascii_case(w)))
}
