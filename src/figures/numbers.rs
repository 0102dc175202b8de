//! Reading numbers: digit tokens (`2,000`, `4.5bn`, `21st`, `15:30`, `1990s`) and number words (`three`,
//! `twenty-five`, `one hundred and twenty`, `a million`, `one and a half`).
//!
//! Digit tokens are split by three small hand-written byte scanners (number, clock, slash forms; each documents
//! the regular expression it implements). They replaced `regex`, which cost ~100 KB gzip of the page for three
//! patterns and a 20 ms compile on the first call in WebAssembly. A value is only produced
//! when it is a sensible finite number: a digit string too long to be a quantity (a phone number, a 1 MB run
//! of digits) yields no number at all rather than `inf` or a rounded giant.

use super::lexicon;

/// Digit strings longer than this (without separators) are not read as numbers.
const MAX_DIGITS: usize = 15;

/// What one token that starts with a digit says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DigitToken {
    /// `2,000`, `1.5`, `1991`: the value, and for a plain integer without separators its digit count.
    Plain {
        value: f64,
        plain_digits: Option<usize>,
    },
    /// `4.5bn`, `20m`: already multiplied.
    Scaled(f64),
    /// `21st`, `3rd`.
    Ordinal(f64),
    /// `1990s`, `90s`: the first year of the decade as written (`1990` or `90`).
    Decade(u32),
    /// `15:30`, `3:15`, `2:01:09`: hours, minutes and seconds when written.
    Clock(u32, u32, Option<u32>),
    /// `3pm`, `3.30pm`, `10am`: hours and minutes, already on the 24-hour clock.
    ClockAmPm(u32, u32),
    /// `5km`, `20kg`: a value with a glued unit symbol.
    WithUnit(f64, &'static str),
    /// `3/4`, `1/2`: a fraction.
    Fraction(f64),
    /// `1/6/2022`: month, day, year (US order).
    SlashDate(u32, u32, i32),
}

/// Splits `b` as `^([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?([A-Za-z]{0,4})$`: the integer part (with
/// its thousands separators), the decimals, and a letter suffix of at most four letters.
fn split_number(b: &[u8]) -> Option<(&[u8], Option<&[u8]>, &[u8])> {
    let digits = |from: usize| from + b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = digits(0);
    if i == 0 {
        return None;
    }
    // Thousands groups: only after a head of 1 to 3 digits, and each group exactly 3 digits; or the Indian
    // grouping, a head of 1 or 2 digits, groups of 2, and the last group of 3 (`3,31,991`, `1,20,00,000`).
    if i <= 3 && b.get(i) == Some(&b',') {
        let mut lens = Vec::new();
        while b.get(i) == Some(&b',') {
            let end = digits(i + 1);
            lens.push(end - (i + 1));
            i = end;
        }
        let western = lens.iter().all(|&l| l == 3);
        let indian = lens.len() >= 2
            && lens.last() == Some(&3)
            && lens[..lens.len() - 1].iter().all(|&l| l == 2)
            && b.iter().position(|&c| c == b',').is_some_and(|h| h <= 2);
        if !western && !indian {
            return None;
        }
    }
    let int = &b[..i];
    let mut frac = None;
    if b.get(i) == Some(&b'.') {
        let end = digits(i + 1);
        if end > i + 1 {
            frac = Some(&b[i + 1..end]);
            i = end;
        }
    }
    let suffix = &b[i..];
    (suffix.len() <= 4 && suffix.iter().all(u8::is_ascii_alphabetic)).then_some((int, frac, suffix))
}

/// The hours, minutes and (when written) seconds of a clock reading, as digits.
type ClockParts<'a> = (&'a [u8], &'a [u8], Option<&'a [u8]>);

/// Splits `b` as `^([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?$`: hours, minutes and seconds.
fn split_clock(b: &[u8]) -> Option<ClockParts<'_>> {
    let mut parts = b.split(|&c| c == b':');
    let (h, m, s) = (parts.next()?, parts.next()?, parts.next());
    let all_digits = |p: &[u8]| p.iter().all(u8::is_ascii_digit);
    let ok = (1..=2).contains(&h.len())
        && m.len() == 2
        && s.map_or(true, |s| s.len() == 2 && all_digits(s))
        && parts.next().is_none()
        && all_digits(h)
        && all_digits(m);
    ok.then_some((h, m, s))
}

/// `d.m.yyyy` (or `m.d.yyyy` when the second number exceeds 12) as a [`DigitToken::SlashDate`].
fn dotted_date(b: &[u8]) -> Option<DigitToken> {
    let mut parts = b.split(|&c| c == b'.');
    let (a, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    let ok = |p: &[u8], n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.iter().all(u8::is_ascii_digit)
    };
    if parts.next().is_some() || !ok(a, 1..=2) || !ok(d, 1..=2) || !ok(y, 4..=4) {
        return None;
    }
    let (a, d, y) = (small(a)?, small(d)?, small(y)? as i32);
    let (m, day) = if d > 12 { (a, d) } else { (d, a) };
    super::calendar::valid_day(Some(y), m, day).then_some(DigitToken::SlashDate(m, day, y))
}

/// Splits `b` as `^([0-9]{1,4})/([0-9]{1,4})(?:/([0-9]{2}|[0-9]{4}))?$`.
fn split_slash(b: &[u8]) -> Option<(&[u8], &[u8], Option<&[u8]>)> {
    let mut parts = b.split(|&c| c == b'/');
    let (a, d, y) = (parts.next()?, parts.next()?, parts.next());
    let num =
        |p: &[u8], lens: &[usize]| lens.contains(&p.len()) && p.iter().all(u8::is_ascii_digit);
    let ok = num(a, &[1, 2, 3, 4])
        && num(d, &[1, 2, 3, 4])
        && y.map_or(true, |y| num(y, &[2, 4]))
        && parts.next().is_none();
    ok.then_some((a, d, y))
}

fn parse_f64(int: &[u8], frac: Option<&[u8]>) -> Option<f64> {
    let digits: Vec<u8> = int.iter().copied().filter(|b| b.is_ascii_digit()).collect();
    if digits.len() > MAX_DIGITS || frac.is_some_and(|f| f.len() > MAX_DIGITS) {
        return None;
    }
    let mut s = String::from_utf8(digits).ok()?;
    if let Some(f) = frac {
        s.push('.');
        s.push_str(std::str::from_utf8(f).ok()?);
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn small(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 4 {
        return None;
    }
    std::str::from_utf8(b).ok()?.parse().ok()
}

/// Classifies a token that starts with a digit; `None` for shapes that are not figures (`3D`, `747s8`).
pub fn digit_token(tok: &str) -> Option<DigitToken> {
    let b = tok.as_bytes();
    if b.len() > 64 {
        return None;
    }
    // 30ºC: the ordinal indicator typed for a degree sign is a letter, so the tokenizer keeps it on the number
    if !b.is_ascii() {
        // a vulgar fraction, alone or after a whole number: `½`, `2½`, `3¾`
        for (sign, f) in [
            ('½', 0.5),
            ('¼', 0.25),
            ('¾', 0.75),
            ('⅓', 1.0 / 3.0),
            ('⅔', 2.0 / 3.0),
            ('⅛', 0.125),
        ] {
            if let Some(n) = tok.strip_suffix(sign) {
                if n.is_empty() {
                    return Some(DigitToken::Fraction(f));
                }
                if !n.bytes().all(|c| c.is_ascii_digit()) || n.len() > 9 {
                    return None;
                }
                let value = n.parse::<f64>().ok()? + f;
                return Some(DigitToken::Plain {
                    value: (value * 1e6).round() / 1e6,
                    plain_digits: None,
                });
            }
        }
        for (sign, unit) in [
            ("ºC", lexicon::CELSIUS),
            ("ºF", lexicon::FAHRENHEIT),
            ("ºc", lexicon::CELSIUS),
            ("ºf", lexicon::FAHRENHEIT),
            ("º", "deg"),
        ] {
            if let Some(n) = tok.strip_suffix(sign) {
                return match digit_token(n)? {
                    DigitToken::Plain { value, .. } => Some(DigitToken::WithUnit(value, unit)),
                    _ => None,
                };
            }
        }
    }
    if let Some((int, frac, suffix)) = split_number(b) {
        // grams only in lower case (`250g`; `5G` is a network)
        if suffix == b"g" {
            return Some(DigitToken::WithUnit(parse_f64(int, frac)?, "g"));
        }
        let suffix = suffix.to_ascii_lowercase();
        let suffix = std::str::from_utf8(&suffix).unwrap_or("");
        let value = parse_f64(int, frac)?;
        let has_sep = int.contains(&b',');
        if suffix.is_empty() {
            let plain_digits = (!has_sep && frac.is_none()).then_some(int.len());
            return Some(DigitToken::Plain {
                value,
                plain_digits,
            });
        }
        if let Some(s) = lexicon::scale_suffix(suffix) {
            return Some(DigitToken::Scaled(value * s));
        }
        match suffix {
            "st" | "nd" | "rd" | "th" if frac.is_none() && !has_sep => {
                return ordinal_suffix_ok(value as u64, suffix)
                    .then_some(DigitToken::Ordinal(value))
            }
            "s" if frac.is_none()
                && !has_sep
                && (int.len() == 4 || int.len() == 2)
                && int.ends_with(b"0") =>
            {
                return Some(DigitToken::Decade(value as u32))
            }
            "am" | "pm" if !has_sep && value < 13.0 => {
                let h = value.trunc() as u32;
                let m = frac.and_then(small).unwrap_or(0);
                if h == 0 || m > 59 || frac.is_some_and(|f| f.len() != 2) {
                    return None;
                }
                return Some(DigitToken::ClockAmPm(to_24h(h, suffix == "pm"), m));
            }
            _ => {}
        }
        if let Some(u) = lexicon::unit(suffix) {
            return Some(DigitToken::WithUnit(value, u));
        }
        return None;
    }
    // `4:15pm`, `7:05AM`: a clock time with its half of the day glued
    if b.len() > 4 && b[b.len() - 1].eq_ignore_ascii_case(&b'm') && b.contains(&b':') {
        let (clock, half) = b.split_at(b.len() - 2);
        let pm = half[0].eq_ignore_ascii_case(&b'p');
        if pm || half[0].eq_ignore_ascii_case(&b'a') {
            if let Some((h, m, None)) = split_clock(clock) {
                let (h, m) = (small(h)?, small(m)?);
                if !(1..=12).contains(&h) || m > 59 {
                    return None;
                }
                return Some(DigitToken::ClockAmPm(to_24h(h, pm), m));
            }
        }
    }
    // a date with dots, day first as Europe writes it unless the second number cannot be a month
    // (`25.11.2026`, `11.25.2026`)
    if b.len() >= 8 && b.iter().filter(|&&c| c == b'.').count() == 2 {
        if let Some(date) = dotted_date(b) {
            return Some(date);
        }
    }
    if let Some((h, m, sec)) = split_clock(b) {
        let h = small(h)?;
        let m = small(m)?;
        let sec = match sec {
            Some(sec) => Some(small(sec).filter(|&sec| sec < 60)?),
            None => None,
        };
        return (h < 24 && m < 60).then_some(DigitToken::Clock(h, m, sec));
    }
    if let Some((a, d, y)) = split_slash(b) {
        let a = small(a)?;
        let d = small(d)?;
        return match y {
            Some(y) => {
                let y = small(y)? as i32;
                let y = if y < 100 {
                    if y < 50 {
                        2000 + y
                    } else {
                        1900 + y
                    }
                } else {
                    y
                };
                // day first where the first number cannot be a month (`26/11/2026`, as most of the world
                // writes dates); month first otherwise (`11/25/2026`)
                let (m, d) = if a > 12 && d <= 12 { (d, a) } else { (a, d) };
                super::calendar::valid_day(Some(y), m, d).then_some(DigitToken::SlashDate(m, d, y))
            }
            None if d > 0 && a < d && d <= 64 => Some(DigitToken::Fraction(a as f64 / d as f64)),
            None => None,
        };
    }
    None
}

/// A piece of a duration written with a glued unit: `2h`, `1.5hrs`, `45min`, `30m`, `5s`. The unit is `H`
/// (hours), `N` (minutes written `min`), `m` (a bare `m`: minutes only after hours), `S` (`sec`) or `s` (a
/// bare `s`).
pub fn duration_piece(tok: &str) -> Option<(f64, char)> {
    let (int, frac, suffix) = split_number(tok.as_bytes())?;
    if int.contains(&b',') {
        return None;
    }
    let unit = match suffix {
        b"h" | b"hr" | b"hrs" => 'H',
        b"min" | b"mins" => 'N',
        b"m" => 'm',
        b"sec" | b"secs" => 'S',
        b"s" => 's',
        _ => return None,
    };
    Some((parse_f64(int, frac)?, unit))
}

fn ordinal_suffix_ok(n: u64, suffix: &str) -> bool {
    let expected = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    // `2d`, `3d` are old newspaper forms, not accepted by the regex anyway; accept `2th`-style typos? No.
    expected == suffix
}

/// 12-hour clock to 24-hour clock.
pub fn to_24h(h: u32, pm: bool) -> u32 {
    match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    }
}

/// A number written in words, read from a slice of lowercase tokens: the value and how many tokens it used.
///
/// Accepts `three`, `twenty-five` / `twenty - five`, `one hundred and twenty`, `a million`, `two million`,
/// `one and a half`, `a dozen`, `three quarters` is left to the caller. Stops at anything else.
pub fn words(ws: &[&str]) -> Option<(f64, usize)> {
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut i = 0;
    let mut any = false;
    let mut last_small = false; // the last word was below a hundred (so `two three` stops)
    let mut last_scale = 1.0; // the last scale above a hundred, for `a billion and a half`
    while i < ws.len() && i < 16 {
        let w = ws[i];
        if let Some(v) = lexicon::small_number(w) {
            if last_small {
                break;
            }
            current += v;
            any = true;
            last_small = true;
            i += 1;
            // twenty-five / twenty - five / twenty five
            if lexicon::is_tens(w) && i + 1 < ws.len() && ws[i] == "-" {
                if let Some(u) = lexicon::small_number(ws[i + 1]).filter(|u| *u >= 1.0 && *u <= 9.0)
                {
                    current += u;
                    i += 2;
                }
            } else if lexicon::is_tens(w) && i < ws.len() {
                if let Some(u) = lexicon::small_number(ws[i]).filter(|u| *u >= 1.0 && *u <= 9.0) {
                    current += u;
                    i += 1;
                }
            }
            continue;
        }
        if w == "a" || w == "an" {
            // a hundred, a million, a dozen: only at the start or after `and`
            if !any
                && i + 1 < ws.len()
                && (lexicon::scale_word(ws[i + 1]).is_some() || ws[i + 1] == "dozen")
            {
                current = 1.0;
                any = true;
                last_small = true;
                i += 1;
                continue;
            }
            break;
        }
        if w == "dozen" && any {
            current *= 12.0;
            last_small = false;
            i += 1;
            continue;
        }
        if let Some(s) = lexicon::scale_word(w) {
            if !any {
                break;
            }
            if s == 100.0 {
                current = if current == 0.0 {
                    100.0
                } else {
                    current * 100.0
                };
            } else {
                total += if current == 0.0 { s } else { current * s };
                current = 0.0;
                last_scale = s;
            }
            last_small = false;
            i += 1;
            continue;
        }
        if w == "and" && any && i + 1 < ws.len() {
            // one and a half
            if i + 2 < ws.len() && (ws[i + 1] == "a" || ws[i + 1] == "one") && ws[i + 2] == "half" {
                // (half of the scale just read: `a billion and a half` is 1.5 billion)
                if current == 0.0 {
                    total += 0.5 * last_scale;
                } else {
                    current += 0.5;
                }
                i += 3;
                break;
            }
            // one hundred and twenty (only after a scale word)
            if !last_small && lexicon::small_number(ws[i + 1]).is_some() {
                last_small = false;
                i += 1;
                continue;
            }
            break;
        }
        break;
    }
    if !any {
        return None;
    }
    // do not end on a dangling `and`
    Some((total + current, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Option<(f64, usize)> {
        let v: Vec<&str> = s.split(' ').collect();
        words(&v)
    }

    #[test]
    fn scanners_follow_their_patterns() {
        let n = |s: &str| {
            split_number(s.as_bytes())
                .map(|(i, f, x)| (i.to_vec(), f.map(<[u8]>::to_vec), x.to_vec()))
        };
        assert_eq!(
            n("1,234,567.89bn"),
            Some((b"1,234,567".to_vec(), Some(b"89".to_vec()), b"bn".to_vec()))
        );
        assert_eq!(n("1234"), Some((b"1234".to_vec(), None, vec![])));
        for bad in [
            "1234,567", "12,34", "1,000,00", "1.", "1.5abcde", ",000", "", "1,000.", "1:30", "5%",
        ] {
            assert_eq!(n(bad), None, "{bad}");
        }
        assert_eq!(split_clock(b"15:30"), Some((&b"15"[..], &b"30"[..], None)));
        assert_eq!(split_clock(b"9:05:59").and_then(|p| p.2), Some(&b"59"[..]));
        assert_eq!(split_clock(b"9:05:59").map(|p| p.0), Some(&b"9"[..]));
        for bad in [
            "123:30",
            "12:3",
            "12:30:",
            "12:30:5",
            "12:30:00:00",
            "ab:cd",
            "1230",
        ] {
            assert_eq!(split_clock(bad.as_bytes()), None, "{bad}");
        }
        assert_eq!(
            split_slash(b"1/6/2022"),
            Some((&b"1"[..], &b"6"[..], Some(&b"2022"[..])))
        );
        assert_eq!(split_slash(b"3/4"), Some((&b"3"[..], &b"4"[..], None)));
        for bad in ["1/6/202", "12345/1", "1//2", "1/2/3/4", "/2", "1/x"] {
            assert_eq!(split_slash(bad.as_bytes()), None, "{bad}");
        }
    }

    #[test]
    fn digit_tokens() {
        assert_eq!(
            digit_token("2,000"),
            Some(DigitToken::Plain {
                value: 2000.0,
                plain_digits: None
            })
        );
        assert_eq!(
            digit_token("1991"),
            Some(DigitToken::Plain {
                value: 1991.0,
                plain_digits: Some(4)
            })
        );
        assert_eq!(
            digit_token("1.5"),
            Some(DigitToken::Plain {
                value: 1.5,
                plain_digits: None
            })
        );
        assert_eq!(digit_token("4.5bn"), Some(DigitToken::Scaled(4.5e9)));
        assert_eq!(digit_token("20m"), Some(DigitToken::Scaled(20e6)));
        assert_eq!(digit_token("21st"), Some(DigitToken::Ordinal(21.0)));
        assert_eq!(digit_token("22nd"), Some(DigitToken::Ordinal(22.0)));
        assert_eq!(digit_token("11th"), Some(DigitToken::Ordinal(11.0)));
        assert_eq!(digit_token("21th"), None);
        assert_eq!(digit_token("1990s"), Some(DigitToken::Decade(1990)));
        assert_eq!(digit_token("½"), Some(DigitToken::Fraction(0.5)));
        assert_eq!(
            digit_token("2½"),
            Some(DigitToken::Plain {
                value: 2.5,
                plain_digits: None
            })
        );
        assert_eq!(digit_token("2½x"), None);
        assert_eq!(digit_token("15:30"), Some(DigitToken::Clock(15, 30, None)));
        assert_eq!(
            digit_token("2:01:09"),
            Some(DigitToken::Clock(2, 1, Some(9)))
        );
        assert_eq!(digit_token("2:01:60"), None);
        assert_eq!(digit_token("25:30"), None);
        assert_eq!(digit_token("3pm"), Some(DigitToken::ClockAmPm(15, 0)));
        assert_eq!(digit_token("3.30pm"), Some(DigitToken::ClockAmPm(15, 30)));
        assert_eq!(digit_token("12am"), Some(DigitToken::ClockAmPm(0, 0)));
        assert_eq!(digit_token("5km"), Some(DigitToken::WithUnit(5.0, "km")));
        assert_eq!(digit_token("30ºC"), Some(DigitToken::WithUnit(30.0, "°C")));
        assert_eq!(
            digit_token("12.5ºf"),
            Some(DigitToken::WithUnit(12.5, "°F"))
        );
        assert_eq!(digit_token("45º"), Some(DigitToken::WithUnit(45.0, "deg")));
        assert_eq!(digit_token("1stºC"), None);
        assert_eq!(digit_token("3/4"), Some(DigitToken::Fraction(0.75)));
        assert_eq!(
            digit_token("1/6/2022"),
            Some(DigitToken::SlashDate(1, 6, 2022))
        );
        assert_eq!(digit_token("2/30/2022"), None);
        assert_eq!(digit_token("3D"), None);
        assert_eq!(digit_token("1234567890123456789"), None);
    }

    #[test]
    fn number_words() {
        assert_eq!(w("three"), Some((3.0, 1)));
        assert_eq!(w("twenty - five people"), Some((25.0, 3)));
        assert_eq!(w("one hundred and twenty"), Some((120.0, 4)));
        assert_eq!(w("a million"), Some((1e6, 2)));
        assert_eq!(w("two million"), Some((2e6, 2)));
        assert_eq!(w("one and a half"), Some((1.5, 4)));
        assert_eq!(w("a billion and a half"), Some((1.5e9, 5)));
        assert_eq!(w("two million and a half"), Some((2.5e6, 5)));
        assert_eq!(w("a hundred and sixty - eight"), Some((168.0, 6)));
        assert_eq!(w("one thousand"), Some((1000.0, 2)));
        assert_eq!(w("two three"), Some((2.0, 1)));
        assert_eq!(w("twenty five"), Some((25.0, 2)));
        assert_eq!(w("one and two"), Some((1.0, 1)));
        assert_eq!(w("a dozen"), Some((12.0, 2)));
        assert_eq!(w("a man"), None);
    }
}
