//! Calendar arithmetic for resolving relative dates against the document date (proleptic Gregorian).

use crate::{days_in_month, CivilDate};

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(d: CivilDate) -> i64 {
    let y = d.year as i64 - if d.month <= 2 { 1 } else { 0 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = d.month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d.day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date `days` days after 1970-01-01.
pub fn civil_from_days(z: i64) -> CivilDate {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    CivilDate {
        year: (y + if m <= 2 { 1 } else { 0 }) as i32,
        month: m,
        day: d,
    }
}

/// The weekday of a date, 0 for Monday to 6 for Sunday.
pub fn weekday_of(d: CivilDate) -> u32 {
    // 1970-01-01 was a Thursday (3).
    (days_from_civil(d) + 3).rem_euclid(7) as u32
}

/// The date `n` days after `d` (before, when negative).
pub fn add_days(d: CivilDate, n: i64) -> CivilDate {
    civil_from_days(days_from_civil(d) + n)
}

/// The most recent date on weekday `wd` on or before `d` (news usage: "on Wednesday" in an article of a
/// Wednesday is that day; otherwise the last one before it).
pub fn weekday_on_or_before(d: CivilDate, wd: u32) -> CivilDate {
    let back = (weekday_of(d) + 7 - wd) % 7;
    add_days(d, -(back as i64))
}

/// `YYYY-MM` shifted by `n` months.
pub fn add_months(year: i32, month: u32, n: i32) -> (i32, u32) {
    let m0 = year as i64 * 12 + month as i64 - 1 + n as i64;
    ((m0.div_euclid(12)) as i32, (m0.rem_euclid(12) + 1) as u32)
}

/// The ISO 8601 week (`2022-W03`) that contains `d`.
pub fn iso_week(d: CivilDate) -> String {
    let wd = weekday_of(d) as i64; // 0 = Monday
    let thursday = civil_from_days(days_from_civil(d) - wd + 3);
    let jan1 = CivilDate {
        year: thursday.year,
        month: 1,
        day: 1,
    };
    let week = (days_from_civil(thursday) - days_from_civil(jan1)) / 7 + 1;
    format!("{:04}-W{:02}", thursday.year, week)
}

/// True when `day` exists in `month` of `year` (any year when `year` is `None`, so February 29 is allowed).
pub fn valid_day(year: Option<i32>, month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year.unwrap_or(2000), month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> CivilDate {
        CivilDate::parse(s).unwrap()
    }

    #[test]
    fn round_trips_and_weekdays() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2022-01-19",
            "1899-12-31",
            "2100-03-01",
        ] {
            assert_eq!(civil_from_days(days_from_civil(d(s))), d(s));
        }
        assert_eq!(weekday_of(d("2022-01-19")), 2); // a Wednesday
        assert_eq!(weekday_on_or_before(d("2022-01-19"), 2), d("2022-01-19"));
        assert_eq!(weekday_on_or_before(d("2022-01-19"), 1), d("2022-01-18"));
        assert_eq!(weekday_on_or_before(d("2022-01-19"), 4), d("2022-01-14"));
        assert_eq!(add_months(2022, 1, -1), (2021, 12));
        assert_eq!(iso_week(d("2022-01-19")), "2022-W03");
        assert_eq!(iso_week(d("2021-01-03")), "2020-W53");
    }
}
