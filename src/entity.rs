//! The entity type every part of the crate produces and every binding serialises (GUIDE section 2).

use serde::{Deserialize, Serialize};

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    /// People, real or fictional.
    Person,
    /// Countries, cities, regions, geographic features, named facilities.
    Place,
    /// Companies, agencies, parties, armies, teams, media, international bodies.
    Org,
    /// Nationalities and other group adjectives, events, products, works, laws, languages.
    Misc,
    /// Cardinal numbers with their qualifier.
    Number,
    /// Amounts of money.
    Money,
    /// Percentages.
    Percent,
    /// Measurements with a unit.
    Quantity,
    /// Dates, periods and ages written as periods.
    Date,
    /// Times of day.
    Time,
    /// Ordinals.
    Ordinal,
}

impl Label {
    /// Every label, names first.
    pub const ALL: [Label; 11] = [
        Label::Person,
        Label::Place,
        Label::Org,
        Label::Misc,
        Label::Number,
        Label::Money,
        Label::Percent,
        Label::Quantity,
        Label::Date,
        Label::Time,
        Label::Ordinal,
    ];

    /// The label as written in JSON, e.g. `"PERSON"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Place => "PLACE",
            Label::Org => "ORG",
            Label::Misc => "MISC",
            Label::Number => "NUMBER",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
            Label::Quantity => "QUANTITY",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Ordinal => "ORDINAL",
        }
    }

    /// Parses a label as written in JSON, ignoring ASCII case.
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL
            .iter()
            .copied()
            .find(|l| l.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// True for the names (PERSON, PLACE, ORG, MISC), false for figures.
    pub fn is_name(self) -> bool {
        matches!(
            self,
            Label::Person | Label::Place | Label::Org | Label::Misc
        )
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a qualifier bounds a number (`More than 2,000` is `MoreThan`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// `more than`, `over`, `above`
    MoreThan,
    /// `at least`, `no fewer than`
    AtLeast,
    /// `less than`, `fewer than`, `under`
    LessThan,
    /// `at most`, `up to`, `no more than`
    AtMost,
    /// `about`, `around`, `some`, `roughly`
    About,
    /// `nearly`, `almost`
    Nearly,
}

/// The normalised value of a figure, where the text determines one (GUIDE section 2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// NUMBER and ORDINAL: `{"number": 2000, "approx": "more_than"}`.
    Number {
        /// The number.
        number: f64,
        /// The qualifier, if any.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        approx: Option<Approx>,
        /// The other end of a range, when the figure is one (`10 to 12 million`: 10e6 to 12e6).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        to: Option<f64>,
    },
    /// MONEY: `{"amount": 4500000000, "currency": "USD"}` (ISO 4217).
    Money {
        /// The amount in units of the currency.
        amount: f64,
        /// The ISO 4217 code.
        currency: String,
        /// The other end of a range, when the figure is one (`10 to 12 million`: 10e6 to 12e6).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        to: Option<f64>,
    },
    /// PERCENT: `{"percent": 12}`.
    Percent {
        /// The percentage, 12 for 12%.
        percent: f64,
        /// The other end of a range, when the figure is one (`10 to 12 million`: 10e6 to 12e6).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        to: Option<f64>,
    },
    /// QUANTITY: `{"amount": 40.2, "unit": "km"}`.
    Quantity {
        /// The amount.
        amount: f64,
        /// The unit symbol.
        unit: String,
        /// The other end of a range, when the figure is one (`10 to 12 million`: 10e6 to 12e6).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        to: Option<f64>,
    },
    /// DATE: an ISO 8601 date as far as the text goes: `1991`, `2022-01`, `2022-01-06`, `--01-06`.
    Date {
        /// The ISO 8601 value.
        date: String,
    },
    /// DATE: a weekday that the document date does not resolve.
    Weekday {
        /// The weekday's English name, e.g. `Wednesday`.
        weekday: String,
    },
    /// DATE: a period, as an ISO 8601 duration (`P30Y`).
    Duration {
        /// The ISO 8601 duration.
        duration: String,
    },
    /// TIME: `{"time": "15:00"}`.
    Time {
        /// The time of day, `HH:MM`.
        time: String,
    },
}

impl Value {
    /// The value with the binary noise of scaling a decimal undone (`$4.1 billion` is 4.1 × 10⁹ =
    /// 4099999999.9999995 in `f64`, written back as 4100000000): an amount within 15 significant digits of a
    /// decimal of at most 12 becomes that decimal; others (`1/3`) stay as they are.
    pub fn tidied(mut self) -> Value {
        fn round(x: f64, digits: i32) -> f64 {
            let m = 10f64.powi(digits - 1 - x.abs().log10().floor() as i32);
            (x * m).round() / m
        }
        fn tidy(x: &mut f64) {
            // (a whole number has no noise to undo: most figures)
            if x.is_finite() && x.fract() != 0.0 {
                let r = round(*x, 15);
                if r.is_finite() && r == round(r, 12) {
                    *x = r;
                }
            }
        }
        match &mut self {
            Value::Number { number: a, to, .. }
            | Value::Money { amount: a, to, .. }
            | Value::Percent { percent: a, to }
            | Value::Quantity { amount: a, to, .. } => {
                tidy(a);
                if let Some(t) = to {
                    tidy(t);
                }
            }
            _ => {}
        }
        self
    }

    /// The value with `to` as the other end of its range (amounts only: numbers, money, percentages and
    /// quantities; any other value is returned as it is).
    pub fn with_to(mut self, end: Option<f64>) -> Value {
        if let Value::Number { to, .. }
        | Value::Money { to, .. }
        | Value::Percent { to, .. }
        | Value::Quantity { to, .. } = &mut self
        {
            *to = end;
        }
        self
    }
}

/// One annotated span of the input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Start offset, inclusive (UTF-8 bytes in the core; the unit the caller asked for at the boundaries).
    pub start: usize,
    /// End offset, exclusive.
    pub end: usize,
    /// What kind of thing this is.
    pub label: Label,
    /// Exactly the input's characters between `start` and `end`.
    pub text: String,
    /// The model's confidence, 0 to 1 (serialised rounded to 3 decimals).
    #[serde(serialize_with = "serialize_score")]
    pub score: f32,
    /// Mentions of one real-world thing share a group number within a document.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub group: Option<u32>,
    /// The normalised value of a figure.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub value: Option<Value>,
}

/// A score as the nearest 3-decimal `f64` (how it is written out).
pub fn rounded_score(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

/// Writes a score as the nearest 3-decimal `f64`, so that JSON and JavaScript both show `0.863`, not the
/// widened `f32` `0.8629999756813049`.
fn serialize_score<S: serde::Serializer>(score: &f32, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(rounded_score(*score))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_is_written_with_three_decimals() {
        let e = Entity {
            start: 0,
            end: 1,
            label: Label::Person,
            text: "A".into(),
            score: 0.863,
            group: None,
            value: None,
        };
        let json = serde_json::to_string(&e).unwrap();
        assert!(json.ends_with("\"score\":0.863}"), "{json}");
    }
}
