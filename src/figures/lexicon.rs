//! Word tables: number words, ordinals, months, weekdays, units, currencies and qualifiers.
//!
//! Every lookup takes the ASCII-lowercased token text, so a table is a plain `match`: the compiler turns it
//! into a few comparisons, with no allocation and no hashing.

use crate::Approx;

/// The value of a cardinal number word below a hundred (`seven`, `twenty`).
pub fn small_number(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// True for the tens (`twenty` .. `ninety`), which may take a unit after a hyphen (`twenty-five`).
pub fn is_tens(w: &str) -> bool {
    matches!(
        w,
        "twenty" | "thirty" | "forty" | "fifty" | "sixty" | "seventy" | "eighty" | "ninety"
    )
}

/// Multipliers written as words or as suffixes (`million`, `bn`).
pub fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mln" => 1e6,
        "billion" | "bln" => 1e9,
        "trillion" => 1e12,
        // South Asian scales: 1.5 lakh (150,000), 40 crore (400,000,000)
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// Suffix scales glued to digits: `4.5bn`, `20m`, `5k`.
pub fn scale_suffix(s: &str) -> Option<f64> {
    Some(match s {
        "k" => 1e3,
        "m" | "mn" | "mln" => 1e6,
        "bn" | "b" | "bln" => 1e9,
        "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Vague plural amounts (`hundreds`, `dozens`): the smallest value they can mean.
pub fn vague_plural(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" => 24.0,
        "hundreds" => 200.0,
        "thousands" => 2000.0,
        "millions" => 2e6,
        "billions" => 2e9,
        "trillions" => 2e12,
        "lakhs" => 2e5,
        "crores" => 2e7,
        _ => return None,
    })
}

/// Ordinal words (`first` .. `ninetieth`), and the adverbs `firstly` .. `thirdly`.
pub fn ordinal_word(w: &str) -> Option<f64> {
    Some(match w {
        "first" | "firstly" => 1.0,
        "second" | "secondly" => 2.0,
        "third" | "thirdly" => 3.0,
        "fourth" | "fourthly" => 4.0,
        "fifth" | "fifthly" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1000.0,
        _ => return None,
    })
}

/// Fractions written as words (`half`, `third`s), for `one-third`, `two-thirds`.
pub fn fraction_word(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// A month name or abbreviation (ASCII lowercase, an abbreviation with or without its dot): 1 to 12.
pub fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" | "jan." => 1,
        "february" | "feb" | "feb." => 2,
        "march" | "mar" | "mar." => 3,
        "april" | "apr" | "apr." => 4,
        "may" => 5,
        "june" | "jun" | "jun." => 6,
        "july" | "jul" | "jul." => 7,
        "august" | "aug" | "aug." => 8,
        "september" | "sep" | "sep." | "sept" | "sept." => 9,
        "october" | "oct" | "oct." => 10,
        "november" | "nov" | "nov." => 11,
        "december" | "dec" | "dec." => 12,
        _ => return None,
    })
}

/// A weekday name or abbreviation: 0 for Monday to 6 for Sunday.
pub fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" | "mon." => 0,
        "tuesday" | "tue." | "tues." => 1,
        "wednesday" | "wed." => 2,
        "thursday" | "thu." | "thur." | "thurs." => 3,
        "friday" | "fri." => 4,
        "saturday" | "sat." => 5,
        "sunday" | "sun." => 6,
        _ => return None,
    })
}

/// The English name of weekday `d` (0 = Monday).
pub fn weekday_name(d: u32) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ][d as usize % 7]
}

/// Seasons and parts of the year that make a DATE with a determiner (`this summer`).
pub fn season(w: &str) -> bool {
    matches!(w, "spring" | "summer" | "fall" | "autumn" | "winter")
}

/// A unit of calendar time, as the ISO 8601 duration letter and the number of that letter per unit.
pub fn date_unit(w: &str) -> Option<(char, f64)> {
    Some(match w {
        "year" | "years" | "yr" | "yrs" => ('Y', 1.0),
        "month" | "months" => ('M', 1.0),
        "week" | "weeks" => ('W', 1.0),
        "day" | "days" => ('D', 1.0),
        "decade" | "decades" => ('Y', 10.0),
        "century" | "centuries" => ('Y', 100.0),
        "quarter" | "quarters" => ('M', 3.0),
        "weekend" | "weekends" => ('D', 2.0),
        _ => return None,
    })
}

/// A unit of clock time, as the ISO 8601 duration letter (after `T`).
pub fn time_unit(w: &str) -> Option<char> {
    Some(match w {
        "hour" | "hours" | "hr" | "hrs" => 'H',
        "minute" | "minutes" | "min" | "mins" => 'M',
        "second" | "seconds" | "sec" | "secs" => 'S',
        _ => return None,
    })
}

/// Currency words after a number, with their ISO 4217 code (`euros` is EUR). `dollars` defaults to USD.
pub fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" | "bucks" => "USD",
        "cent" | "cents" => "USD", // value scaled by the caller
        "euro" | "euros" => "EUR",
        "yen" => "JPY",
        "yuan" | "renminbi" | "rmb" => "CNY",
        "mark" | "marks" | "deutschmarks" => "DEM",
        // the franc still in use in Europe (the French one ended in 2002: `French francs` say so)
        "franc" | "francs" => "CHF",
        "pence" | "penny" | "pennies" => "GBP", // value scaled by the caller
        "sterling" | "quid" => "GBP",
        "lire" => "ITL", // the Italian plural; `lira` alone is today's Turkish lira
        "lira" | "liras" => "TRY",
        "rupee" | "rupees" => "INR",
        // the most cited reading in English news when no country adjective says otherwise (`Ugandan
        // shillings` is UGX, see `currency_country`)
        "shilling" | "shillings" => "KES",
        "naira" => "NGN",
        "rand" => "ZAR",
        "rupiah" => "IDR",
        "zloty" | "zlotys" | "zlotych" | "zł" => "PLN",
        "forint" | "forints" => "HUF",
        "koruna" | "korunas" | "koruny" | "kč" => "CZK",
        "reais" => "BRL",
        "rial" | "rials" => "IRR",
        "taka" => "BDT",
        "cedi" | "cedis" => "GHS",
        "kwacha" => "ZMW",
        "birr" => "ETB",
        "lari" => "GEL",
        "manat" => "AZN",
        "tugrik" | "tugriks" => "MNT",
        "kyat" | "kyats" => "MMK",
        "riel" | "riels" => "KHR",
        "dong" => "VND",
        "bolivar" | "bolivars" | "bolivares" => "VES",
        "ruble" | "rubles" | "rouble" | "roubles" => "RUB",
        "tenge" => "KZT",
        "won" => "KRW",
        "peso" | "pesos" => "MXN",
        "riyal" | "riyals" => "SAR",
        "dinar" | "dinars" => "IQD",
        "shekel" | "shekels" => "ILS",
        "kronor" | "krona" => "SEK",
        "kroner" | "krone" | "kronur" => "NOK",
        "hryvnia" | "hryvnias" => "UAH",
        "punt" | "punts" => "IEP",
        "drachma" | "drachmas" => "GRD",
        "guilder" | "guilders" => "NLG",
        "peseta" | "pesetas" => "ESP",
        "escudo" | "escudos" => "PTE",
        "schilling" | "schillings" => "ATS",
        "baht" => "THB",
        "ringgit" => "MYR",
        "dirham" | "dirhams" => "AED",
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" => "CNY",
        "chf" => "CHF",
        "kzt" => "KZT",
        "rub" => "RUB",
        _ => return None,
    })
}

/// Currency marks before a number (`$`, `US$`, `€`, `RMB`), as the original token text.
pub fn currency_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" | "US$" | "U.S.$" => "USD",
        "NT$" => "TWD",
        "HK$" => "HKD",
        "C$" => "CAD",
        "A$" => "AUD",
        "S$" => "SGD",
        "NZ$" => "NZD",
        "£" | "#" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        "₹" => "INR",
        "₽" => "RUB",
        "₸" => "KZT",
        "RMB" => "CNY",
        "Rs" | "Rs." => "INR",
        "KSh" | "Ksh" | "KShs" | "Kshs" | "Sh" => "KES",
        "USh" => "UGX",
        "TSh" => "TZS",
        "Rp" => "IDR",
        "RM" => "MYR",
        "₦" => "NGN",
        // (`Php` as Manila papers write it; `PHP` in capitals is as often the programming language)
        "₱" | "Php" => "PHP",
        "₩" => "KRW",
        "₪" => "ILS",
        "₫" => "VND",
        "฿" => "THB",
        "₺" => "TRY",
        "₴" => "UAH",
        "₵" => "GHS",
        "Tk" | "Tk." => "BDT",
        "Dh" | "Dhs" => "AED",
        "QR" => "QAR",
        _ => return iso_code(w),
    })
}

/// ISO 4217 codes as written before or after an amount (`CHF 10`, `500 KES`), in capitals only. Codes that
/// are also words or names in capitals are left out (`ALL`, `COP`, `PEN`, `AMD`, `PHP`, `SOS`, `MAD`, `BOB`).
pub fn iso_code(w: &str) -> Option<&'static str> {
    const CODES: &[&str] = &[
        "AED", "AFN", "ARS", "AUD", "AZN", "BDT", "BGN", "BHD", "BRL", "BYN", "CAD", "CHF", "CLP",
        "CNY", "CZK", "DKK", "DZD", "EGP", "ETB", "EUR", "GBP", "GEL", "GHS", "HKD", "HUF", "IDR",
        "ILS", "INR", "IQD", "IRR", "ISK", "JOD", "JPY", "KES", "KHR", "KRW", "KWD", "KZT", "LBP",
        "LKR", "LYD", "MMK", "MNT", "MUR", "MWK", "MXN", "MYR", "NGN", "NOK", "NPR", "NZD", "OMR",
        "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SDG", "SEK", "SGD", "SYP", "THB",
        "TND", "TRY", "TWD", "TZS", "UAH", "UGX", "USD", "UZS", "VND", "XAF", "XOF", "YER", "ZAR",
        "ZMW",
    ];
    if w.len() != 3 || !w.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    CODES.binary_search(&w).ok().map(|i| CODES[i])
}

/// Currency names that several countries use (`dollar`, `shilling`, `peso`): a country adjective before them
/// names the currency (`Kenyan shillings` KES, `Ugandan shillings` UGX, `Swiss francs` CHF).
pub fn shared_currency_name(w: &str) -> bool {
    matches!(
        w,
        "dollar"
            | "dollars"
            | "bucks"
            | "shilling"
            | "shillings"
            | "peso"
            | "pesos"
            | "rupee"
            | "rupees"
            | "dinar"
            | "dinars"
            | "riyal"
            | "riyals"
            | "rial"
            | "rials"
            | "franc"
            | "francs"
            | "lira"
            | "liras"
            | "lire"
            | "krona"
            | "kronor"
            | "krone"
            | "kroner"
            | "dirham"
            | "dirhams"
            | "ruble"
            | "rubles"
            | "rouble"
            | "roubles"
            | "won"
            | "yuan"
            | "manat"
    )
}

/// Dollar-like currency names before `$`: `US $`, `NT $` in spaced text.
pub fn dollar_country(w: &str) -> Option<&'static str> {
    Some(match w {
        "US" | "U.S." => "USD",
        "NT" => "TWD",
        "HK" => "HKD",
        "C" => "CAD",
        "A" => "AUD",
        "S" => "SGD",
        "NZ" => "NZD",
        "R" => "BRL",
        _ => return None,
    })
}

/// Adjectives that name whose currency follows (`Hong Kong dollars`, `US dollars`), lowercase.
pub fn currency_country(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" | "u.s." | "american" => "USD",
        "nt" | "taiwan" | "taiwanese" => "TWD",
        "hong" | "kong" | "hk" => "HKD",
        "canadian" => "CAD",
        "australian" => "AUD",
        "singapore" => "SGD",
        "new" | "zealand" => "NZD",
        "swiss" => "CHF",
        "irish" => "IEP",
        "french" => "FRF",
        "german" | "deutsche" => "DEM",
        "egyptian" => "EGP",
        "british" => "GBP",
        "japanese" => "JPY",
        "chinese" => "CNY",
        "russian" => "RUB",
        "kazakh" => "KZT",
        "mexican" => "MXN",
        "saudi" => "SAR",
        "iraqi" => "IQD",
        "indian" => "INR",
        "israeli" => "ILS",
        "swedish" => "SEK",
        "norwegian" => "NOK",
        "danish" => "DKK",
        "ukrainian" => "UAH",
        "kenyan" => "KES",
        "ugandan" => "UGX",
        "tanzanian" => "TZS",
        "somali" => "SOS",
        "nigerian" => "NGN",
        "african" => "ZAR", // South African
        "ghanaian" | "ghana" => "GHS",
        "kenya" => "KES",
        "uganda" => "UGX",
        "tanzania" => "TZS",
        "cfa" => "XOF",
        "ethiopian" => "ETB",
        "zambian" => "ZMW",
        "malawian" => "MWK",
        "brazilian" => "BRL",
        "argentine" | "argentinian" => "ARS",
        "chilean" => "CLP",
        "colombian" => "COP",
        "philippine" | "filipino" => "PHP",
        "cuban" => "CUP",
        "pakistani" => "PKR",
        "lankan" => "LKR",
        "nepalese" | "nepali" => "NPR",
        "bangladeshi" => "BDT",
        "indonesian" => "IDR",
        "malaysian" => "MYR",
        "thai" => "THB",
        "vietnamese" => "VND",
        "korean" => "KRW",
        "turkish" => "TRY",
        "italian" => "ITL",
        "lebanese" => "LBP",
        "syrian" => "SYP",
        "sudanese" => "SDG",
        "kuwaiti" => "KWD",
        "jordanian" => "JOD",
        "bahraini" => "BHD",
        "libyan" => "LYD",
        "tunisian" => "TND",
        "algerian" => "DZD",
        "qatari" => "QAR",
        "omani" => "OMR",
        "yemeni" => "YER",
        "iranian" => "IRR",
        "emirati" => "AED",
        "moroccan" => "MAD",
        "polish" => "PLN",
        "hungarian" => "HUF",
        "czech" => "CZK",
        "icelandic" => "ISK",
        "romanian" => "RON",
        "bulgarian" => "BGN",
        "georgian" => "GEL",
        "azerbaijani" => "AZN",
        "belarusian" => "BYN",
        "jamaican" => "JMD",
        "namibian" => "NAD",
        "belgian" => "BEF",
        "austrian" => "ATS",
        "dutch" => "NLG",
        "spanish" => "ESP",
        "portuguese" => "PTE",
        "greek" => "GRD",
        "finnish" => "FIM",
        _ => return None,
    })
}

/// First words of two-word country names before a currency (`South African rand`, `Sri Lankan rupees`,
/// `North Korean won`): they let the adjective after them through.
pub fn country_first_word(w: &str) -> bool {
    matches!(
        w,
        "south" | "north" | "sri" | "new" | "hong" | "costa" | "saudi" | "central"
    )
}

/// Measurement units, with the symbol used in values. `square` and `cubic` are handled by the caller.
pub fn unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => "km",
        "meter" | "meters" | "metre" | "metres" => "m",
        "cm" | "centimeter" | "centimeters" | "centimetre" | "centimetres" => "cm",
        "mm" | "millimeter" | "millimeters" | "millimetre" | "millimetres" => "mm",
        "mile" | "miles" => "mi",
        "foot" | "feet" | "ft" => "ft",
        "inch" | "inches" => "in",
        "yard" | "yards" => "yd",
        "kg" | "kilogram" | "kilograms" | "kilo" | "kilos" | "kilogramme" | "kilogrammes" => "kg",
        "gram" | "grams" | "gramme" | "grammes" => "g",
        "mg" | "milligram" | "milligrams" => "mg",
        "mcg" | "µg" | "microgram" | "micrograms" => "µg",
        "ml" | "milliliter" | "milliliters" | "millilitre" | "millilitres" => "ml",
        "ton" | "tons" => "t",
        "tonne" | "tonnes" => "t",
        "pound" | "pounds" | "lb" | "lbs" => "lb",
        "ounce" | "ounces" | "oz" => "oz",
        "barrel" | "barrels" | "bbl" => "bbl",
        "acre" | "acres" => "acre",
        "hectare" | "hectares" | "ha" => "ha",
        "liter" | "liters" | "litre" | "litres" => "l",
        "gallon" | "gallons" => "gal",
        "bushel" | "bushels" => "bu",
        "degree" | "degrees" => "deg",
        "mph" => "mph",
        "kph" | "km/h" => "km/h",
        "knot" | "knots" => "kn",
        "watt" | "watts" => "W",
        "kilowatt" | "kilowatts" | "kw" => "kW",
        "megawatt" | "megawatts" | "mw" => "MW",
        "gigawatt" | "gigawatts" | "gw" => "GW",
        // energy: `5 kWh`; `kilowatt hours` spelled out is read from `kilowatt` (see `energy_unit`)
        "wh" => "Wh",
        "kwh" => "kWh",
        "mwh" => "MWh",
        "gwh" => "GWh",
        "twh" => "TWh",
        "micrometre" | "micrometres" | "micrometer" | "micrometers" | "micron" | "microns"
        | "µm" | "μm" => "µm",
        "nanometre" | "nanometres" | "nanometer" | "nanometers" | "nm" => "nm",
        // a bare `K` is a kelvin only in a sentence about temperature (the rules decide); `kelvin` always is
        "kelvin" | "kelvins" => KELVIN,
        "volt" | "volts" => "V",
        "kv" | "kilovolt" | "kilovolts" => "kV",
        "kilobyte" | "kilobytes" | "kb" => "kB",
        "megabyte" | "megabytes" | "mb" => "MB",
        "gigabyte" | "gigabytes" | "gb" => "GB",
        "terabyte" | "terabytes" | "tb" => "TB",
        "megabit" | "megabits" => "Mbit",
        "mbps" => "Mbit/s",
        "gbps" => "Gbit/s",
        "megapixel" | "megapixels" => "MP",
        "mah" => "mAh",
        "decibel" | "decibels" | "db" => "dB",
        "bpd" => "bbl/d",
        "calorie" | "calories" => "cal",
        "carat" | "carats" => "ct",
        "bale" | "bales" => "bale",
        "cubic" => "cubic",
        _ => return None,
    })
}

/// The unit of a temperature in degrees Celsius (`5°C`, `5 degrees Celsius`, `5 ℃`).
pub const CELSIUS: &str = "°C";
/// The unit of a temperature in degrees Fahrenheit (`41°F`, `41 degrees Fahrenheit`).
pub const FAHRENHEIT: &str = "°F";
/// The unit of a temperature in kelvins (`350 kelvin`, `350 K` in a sentence about temperature).
pub const KELVIN: &str = "K";

/// The energy unit of a power unit followed by `hour(s)`: `kilowatt hours`, `megawatt-hours`.
pub fn energy_unit(power: &str) -> Option<&'static str> {
    Some(match power {
        "W" => "Wh",
        "kW" => "kWh",
        "MW" => "MWh",
        "GW" => "GWh",
        _ => return None,
    })
}

/// Words that make a bare `K` after a number a kelvin (`cooled to 4 K`, `a temperature of 350 K`) rather
/// than the thousands it usually stands for (`350K followers`, `$350K`).
pub fn temperature_cue(w: &str) -> bool {
    matches!(
        w,
        "temperature"
            | "temperatures"
            | "heated"
            | "heating"
            | "cooled"
            | "cooling"
            | "cools"
            | "kelvin"
            | "kelvins"
            | "melting"
            | "melts"
            | "boiling"
            | "boils"
            | "freezing"
            | "cryogenic"
            | "superconducting"
            | "superconductor"
            | "superconductors"
            | "thermal"
            | "hotter"
            | "colder"
            | "warmer"
            | "cooler"
    )
}

/// The unit of a temperature scale written after a degree (`degrees Celsius`, `° C`): [`CELSIUS`] or
/// [`FAHRENHEIT`].
pub fn temperature_scale(w: &str) -> Option<&'static str> {
    match w {
        "celsius" | "centigrade" | "c" => Some(CELSIUS),
        "fahrenheit" | "f" => Some(FAHRENHEIT),
        "kelvin" | "k" => Some(KELVIN),
        _ => None,
    }
}

/// Words that name a race or what is won in one, right after a distance glued to `m` (`the 100m final`,
/// `the 400m hurdles`, `a 1500m race`, `the 200m freestyle`): the `m` is metres, not millions.
pub fn race_noun(w: &str) -> bool {
    matches!(
        w,
        "final"
            | "finals"
            | "semi-final"
            | "semi-finals"
            | "semifinal"
            | "semifinals"
            | "heat"
            | "heats"
            | "race"
            | "races"
            | "hurdles"
            | "sprint"
            | "sprints"
            | "sprinter"
            | "sprinters"
            | "dash"
            | "relay"
            | "relays"
            | "steeplechase"
            | "freestyle"
            | "backstroke"
            | "breaststroke"
            | "butterfly"
            | "medley"
            | "individual"
            | "run"
            | "runner"
            | "runners"
            | "swim"
            | "swimmer"
            | "title"
            | "champion"
            | "championship"
            | "record"
            | "gold"
            | "silver"
            | "bronze"
            | "medal"
            | "medallist"
            | "medalist"
            | "winner"
            | "specialist"
    )
}

/// Words that make a sentence about a race, so that a distance glued to `m` after `the` or `a` and with no
/// noun after it is in metres (`Bolt ran the 100m in 9.58`, `gold in the 400m.`, `won the 100m in 10.8
/// seconds`). Words as common in business news as in sport (`record`, `title`, `heat`, `track`, `games`,
/// `won`) are left out: `they won the 100m in damages`.
pub fn sport_cue(w: &str) -> bool {
    matches!(
        w,
        "race"
            | "races"
            | "raced"
            | "hurdles"
            | "sprint"
            | "sprints"
            | "sprinted"
            | "sprinter"
            | "sprinters"
            | "relay"
            | "relays"
            | "steeplechase"
            | "freestyle"
            | "backstroke"
            | "breaststroke"
            | "medley"
            | "heats"
            | "semi-final"
            | "semifinal"
            | "medal"
            | "medals"
            | "medallist"
            | "medalist"
            | "ran"
            | "swam"
            | "olympic"
            | "olympics"
            | "olympian"
            | "athletics"
            | "athlete"
            | "athletes"
            | "championships"
            | "swimming"
            | "pb"
            | "final"
            | "finals"
            | "gold"
            | "silver"
            | "bronze"
            | "seconds"
    )
}

/// A qualifier of one word before a number, and how it bounds it (`None` inside: a qualifier without a
/// bound, like `only`).
pub fn qualifier1(w: &str) -> Option<Option<Approx>> {
    Some(match w {
        "about" | "around" | "approximately" | "roughly" | "some" | "circa" | "approx." | "~"
        | "near" => Some(Approx::About),
        "nearly" | "almost" => Some(Approx::Nearly),
        "only" => None,
        _ => return None,
    })
}

/// A qualifier of two words before a number (`more than`, `at least`).
pub fn qualifier2(a: &str, b: &str) -> Option<Option<Approx>> {
    Some(match (a, b) {
        ("more", "than")
        | ("greater", "than")
        | ("upwards", "of")
        | ("well", "over")
        | ("just", "over")
        | ("higher", "than") => Some(Approx::MoreThan),
        ("at", "least") | ("as", "many") | ("as", "much") => Some(Approx::AtLeast),
        ("less", "than") | ("fewer", "than") | ("just", "under") | ("lower", "than") => {
            Some(Approx::LessThan)
        }
        ("at", "most") | ("up", "to") => Some(Approx::AtMost),
        ("close", "to") | ("an", "estimated") | ("about", "some") => Some(Approx::About),
        ("an", "additional") => None,
        ("not", "quite") => Some(Approx::Nearly),
        _ => return None,
    })
}
