//! The word lists the features consult: Brown clusters and gazetteers.
//!
//! At training time they are built from `../shared/data` ([`Resources::from_shared`], native only); the
//! trainer writes exactly the pieces it used into the model file, so at run time nothing is read from disk.

use super::hash::FxHashMap;
use crate::text::tokenize;
use std::borrow::Cow;

/// A word or phrase key: borrowed from the embedded model file when read from it (no copy of the 100,000
/// keys at load), owned when built by the trainer.
pub type Key = Cow<'static, str>;

/// Gazetteer categories, one bit each in a phrase's mask.
pub const GAZ_CATEGORIES: [&str; 8] = [
    "country",
    "city",
    "region",
    "continent",
    "first",
    "last",
    "company",
    "orgsuffix",
];
/// The mask bits of the categories rules test (bit `k` is `GAZ_CATEGORIES[k]`): any place (country, city,
/// region, continent), a first name, a last name, a company.
pub const GAZ_PLACE: u16 = 0b1111;
/// See [`GAZ_PLACE`].
pub const GAZ_FIRST: u16 = 1 << 4;
/// See [`GAZ_PLACE`].
pub const GAZ_LAST: u16 = 1 << 5;
/// See [`GAZ_PLACE`].
pub const GAZ_COMPANY: u16 = 1 << 6;
/// Set on a phrase key that is also the beginning of a longer phrase (matching continues).
pub const GAZ_PREFIX: u16 = 1 << 15;
/// The longest gazetteer phrase, in tokens.
pub const GAZ_MAX_TOKENS: usize = 6;

/// Brown clusters and gazetteers, as the features use them.
#[derive(Clone, Debug, Default)]
pub struct Resources {
    /// Word (as written) to its Brown cluster path: `(bits, length)`; a length-n prefix is `bits & ((1<<n)-1)`.
    pub clusters: FxHashMap<Key, (u32, u8)>,
    /// Normalised phrase (lowercase tokens joined by one space) to its category mask (see [`GAZ_CATEGORIES`]),
    /// plus [`GAZ_PREFIX`] on prefixes of longer phrases.
    pub gazetteer: FxHashMap<Key, u16>,
}

/// Companies and platforms common in today's news but absent from the training corpora and the index lists.
#[cfg(not(target_arch = "wasm32"))]
const MODERN_COMPANIES: &[&str] = &[
    "Facebook",
    "Meta",
    "Twitter",
    "Instagram",
    "YouTube",
    "WhatsApp",
    "Telegram",
    "TikTok",
    "ByteDance",
    "Google",
    "Alphabet",
    "Huawei",
    "Alibaba",
    "Tencent",
    "Baidu",
    "Samsung",
    "LinkedIn",
    "Reddit",
    "Snapchat",
    "Spotify",
    "Yahoo",
    "OpenAI",
    "SpaceX",
    "Airbnb",
    "Zoom",
    "Xiaomi",
    "Gazprom",
    "Rosneft",
    "Aeroflot",
    "Reuters",
    "AFP",
    "Bloomberg",
    "Associated Press",
    "Interfax",
    "TASS",
    "RIA Novosti",
    "Al Jazeera",
];

/// First names common in today's news but missing from the census lists (US names of 1990): without them
/// `Elon Musk` read as an organisation. A short list written for this project, added to the model's
/// gazetteer after training ([`Resources::add_modern_first_names`]).
#[cfg(not(target_arch = "wasm32"))]
const MODERN_FIRST_NAMES: &[&str] = &[
    "Elon",
    "Satya",
    "Sundar",
    "Volodymyr",
    "Narendra",
    "Rishi",
    "Keir",
    "Recep",
    "Jair",
    "Luiz",
    "Olaf",
    "Sergey",
    "Sergei",
    "Vladimir",
    "Yevgeny",
    "Alexei",
    "Dmitry",
    "Kassym",
    "Nursultan",
    "Muhammad",
    "Imran",
    "Shehbaz",
    "Jens",
    "Giorgia",
    "Viktor",
    "Nayib",
    "Fumio",
    "Shinzo",
    "Mette",
    "Sanna",
    "Mukesh",
    "Gautam",
    "Masayoshi",
    "Vivek",
    "Andrzej",
    "Olena",
    "Ilham",
];

/// Surnames in today's news that the census list (US names of 1990) lacks or ranks too low to keep, and
/// companies and other organisations (`CERN`) founded or renamed since the corpora and the index lists: without them `Starmer said` gave no
/// name and `Anthropic` a person. Short lists written for this project, added after training as
/// [`MODERN_FIRST_NAMES`] are.
#[cfg(not(target_arch = "wasm32"))]
const MODERN_SURNAMES: &[&str] = &[
    "Starmer",
    "Sunak",
    "Badenoch",
    "Farage",
    "Sheinbaum",
    "Zelensky",
    "Zelenskyy",
    "Erdogan",
    "Netanyahu",
    "Modi",
    "Macron",
    "Scholz",
    "Merz",
    "Meloni",
    "Orban",
    "Milei",
    "Lula",
    "Trudeau",
    "Carney",
    "Albanese",
    "Musk",
    "Altman",
    "Zuckerberg",
    "Bezos",
    "Nadella",
    "Pichai",
    "Putin",
    "Lavrov",
    "Peskov",
    "Tokayev",
    "Nazarbayev",
    "Mirziyoyev",
    "Lukashenko",
    "Navalny",
    "Biden",
    "Vance",
    "Hegseth",
    "DeSantis",
    "Newsom",
    "Pelosi",
    "Schumer",
    "McConnell",
    "Lagarde",
    "Guterres",
    "Stoltenberg",
    "Rutte",
    "Kishida",
    "Ishiba",
    "Bolsonaro",
    "Maduro",
    "Ramaphosa",
    "Tinubu",
    "Ruto",
    "Pezeshkian",
    "Khamenei",
    "Zelenska",
    "Kallas",
    "Tusk",
    "Sanchez",
    "Sánchez",
    "Fico",
    "Vucic",
    "Orbán",
    "Erdoğan",
    "Shmyhal",
    "Yermak",
    "Kuleba",
];

#[cfg(not(target_arch = "wasm32"))]
const MODERN_COMPANIES_LATE: &[&str] = &[
    "Anthropic",
    "xAI",
    "DeepMind",
    "Mistral AI",
    "Palantir",
    "Netflix",
    "PayPal",
    "Uber",
    "Lyft",
    "Starlink",
    "Rivian",
    "BYD",
    "TSMC",
    "ASML",
    "Moderna",
    "BioNTech",
    "Shein",
    "Temu",
    "Nvidia",
    "CERN",
    "Airbus",
    "Rheinmetall",
    "Stellantis",
    "Volkswagen",
    "Aramco",
    "Foxconn",
    "Baidu",
    "Ozon",
    "Wildberries",
];

/// Lowercase tokens of `phrase` joined by single spaces, as gazetteer keys are written.
pub fn normalise_phrase(phrase: &str) -> String {
    let toks = tokenize(phrase);
    let mut out = String::with_capacity(phrase.len());
    for (k, t) in toks.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(&t.text(phrase).to_lowercase());
    }
    out
}

impl Resources {
    /// Adds `phrase` to the gazetteer under category `cat`.
    pub fn add_phrase(&mut self, phrase: &str, cat: usize) {
        // `Nur-Sultan` is also written `Nur Sultan`.
        if phrase.contains('-') {
            self.add_phrase(&phrase.replace('-', " "), cat);
        }
        let key = normalise_phrase(phrase);
        if key.is_empty() || key.split(' ').count() > GAZ_MAX_TOKENS {
            return;
        }
        *self.gazetteer.entry(Cow::Owned(key)).or_insert(0) |= 1 << cat;
    }

    /// Adds [`MODERN_FIRST_NAMES`] to the first names (category 4), [`MODERN_SURNAMES`] to the last names (5)
    /// and [`MODERN_COMPANIES_LATE`] to the companies (6). The trainer calls it on the model's copy
    /// of the resources after training, not before: the weights stay exactly those the corpora give (a
    /// gazetteer entry for a word of the training text moves every later perceptron update, and with it dev
    /// F1 by up to 0.003 either way), and the names, absent from or rare in the 1990s corpora, still get
    /// the first-name features that known first names have at run time.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn add_modern_first_names(&mut self) {
        for c in MODERN_FIRST_NAMES {
            self.add_phrase(c, 4);
        }
        for c in MODERN_SURNAMES {
            self.add_phrase(c, 5);
        }
        for c in MODERN_COMPANIES_LATE {
            self.add_phrase(c, 6);
        }
        self.mark_prefixes();
    }

    /// Marks every proper prefix of a multi-token phrase with [`GAZ_PREFIX`].
    #[cfg(not(target_arch = "wasm32"))]
    fn mark_prefixes(&mut self) {
        let mut prefixes = Vec::new();
        for k in self.gazetteer.keys() {
            let mut idx = 0;
            while let Some(p) = k[idx..].find(' ') {
                idx += p;
                prefixes.push(k[..idx].to_string());
                idx += 1;
            }
        }
        for p in prefixes {
            *self.gazetteer.entry(Cow::Owned(p)).or_insert(0) |= GAZ_PREFIX;
        }
    }

    /// Serialises into the model file's text sections: clusters grouped by path, phrases grouped by mask.
    pub fn to_bytes(&self) -> (Vec<u8>, Vec<u8>) {
        let mut by_cluster: std::collections::BTreeMap<(u32, u8), Vec<&str>> = Default::default();
        for (w, &c) in &self.clusters {
            by_cluster.entry(c).or_default().push(w);
        }
        let mut clus = String::new();
        for ((bits, len), mut words) in by_cluster {
            words.sort_unstable();
            clus.push_str(&format!("#{bits} {len}\n"));
            for w in words {
                clus.push_str(w);
                clus.push('\n');
            }
        }
        let mut by_mask: std::collections::BTreeMap<u16, Vec<&str>> = Default::default();
        for (p, &m) in &self.gazetteer {
            let m = m & !GAZ_PREFIX;
            if m != 0 {
                by_mask.entry(m).or_default().push(p);
            }
        }
        let mut gaz = String::new();
        for (mask, mut phrases) in by_mask {
            phrases.sort_unstable();
            gaz.push_str(&format!("#{mask}\n"));
            for p in phrases {
                gaz.push_str(p);
                gaz.push('\n');
            }
        }
        (clus.into_bytes(), gaz.into_bytes())
    }

    /// Reads what [`Resources::to_bytes`] wrote (copying the keys).
    pub fn from_bytes(clus: &[u8], gaz: &[u8]) -> Option<Resources> {
        Resources::parse(
            std::str::from_utf8(clus).ok()?,
            std::str::from_utf8(gaz).ok()?,
            |k| Cow::Owned(k.to_string()),
        )
    }

    /// Reads what [`Resources::to_bytes`] wrote, borrowing the keys from `'static` bytes (the embedded model).
    pub fn from_static(clus: &'static [u8], gaz: &'static [u8]) -> Option<Resources> {
        Resources::parse(
            std::str::from_utf8(clus).ok()?,
            std::str::from_utf8(gaz).ok()?,
            Cow::Borrowed,
        )
    }

    fn parse<'a>(clus: &'a str, gaz: &'a str, key: impl Fn(&'a str) -> Key) -> Option<Resources> {
        let mut r = Resources::default();
        // Sized once (a line is at most one entry): no rehashing while filling.
        let lines = |t: &str| t.bytes().filter(|&b| b == b'\n').count() + 1;
        r.clusters.reserve(lines(clus));
        r.gazetteer.reserve(lines(gaz));
        let mut cur = None;
        for line in clus.lines() {
            if let Some(h) = line.strip_prefix('#') {
                let (b, l) = h.split_once(' ')?;
                cur = Some((b.parse().ok()?, l.parse().ok()?));
            } else if !line.is_empty() {
                r.clusters.insert(key(line), cur?);
            }
        }
        let mut mask = None;
        for line in gaz.lines() {
            if let Some(h) = line.strip_prefix('#') {
                mask = Some(h.parse::<u16>().ok()?);
            } else if !line.is_empty() {
                let m = mask?;
                match r.gazetteer.get_mut(line) {
                    Some(v) => *v |= m,
                    None => {
                        r.gazetteer.insert(key(line), m);
                    }
                }
            }
        }
        // Prefixes of the phrases just read (as `mark_prefixes`, from the text: no key copies to collect, and
        // a prefix that is already a key allocates nothing).
        for line in gaz.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut idx = 0;
            while let Some(p) = line[idx..].find(' ') {
                idx += p;
                let prefix = &line[..idx];
                match r.gazetteer.get_mut(prefix) {
                    Some(v) => *v |= GAZ_PREFIX,
                    None => {
                        r.gazetteer.insert(key(prefix), GAZ_PREFIX);
                    }
                }
                idx += 1;
            }
        }
        Some(r)
    }

    /// Builds the resources from `../shared/data` (`data` is that folder): the `cluster_words` most frequent
    /// words of the Brown cluster table and the gazetteers (the `surnames` most common surnames).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_shared(
        data: &std::path::Path,
        cluster_words: usize,
        surnames: usize,
    ) -> std::io::Result<Resources> {
        let read = |p: &str| std::fs::read_to_string(data.join(p));
        let rows = |s: &str| -> Vec<Vec<String>> {
            s.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(|l| l.split('\t').map(|c| c.trim().to_string()).collect())
                .collect()
        };
        let mut r = Resources::default();
        // Brown clusters: the most frequent words (highest log probability).
        let mut words: Vec<(f64, String, u32, u8)> =
            rows(&read("word_clusters/brown_clusters.tsv")?)
                .into_iter()
                .filter(|c| c.len() >= 4)
                .filter_map(|c| {
                    Some((
                        c[3].parse().ok()?,
                        c[0].clone(),
                        c[1].parse().ok()?,
                        c[2].len() as u8,
                    ))
                })
                .collect();
        words.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap().then_with(|| a.1.cmp(&b.1)));
        for (_, w, bits, len) in words.into_iter().take(cluster_words) {
            r.clusters.insert(Cow::Owned(w), (bits, len));
        }
        let g = |p: &str| -> std::io::Result<Vec<Vec<String>>> {
            Ok(rows(&read(&format!("gazetteers/{p}"))?))
        };
        for c in g("countries.tsv")? {
            r.add_phrase(&c[2], 0);
            for o in c[3]
                .split('|')
                .filter(|o| !o.is_empty() && !o.contains(','))
            {
                r.add_phrase(o, 0);
            }
            if !c[4].is_empty() {
                r.add_phrase(&c[4], 1);
            }
        }
        for c in g("cities100000_names.tsv")? {
            r.add_phrase(&c[0], 1);
        }
        for c in g("cities15000.tsv")? {
            if c.get(3).and_then(|p| p.parse::<u64>().ok()).unwrap_or(0) >= 50_000 {
                r.add_phrase(&c[0], 1);
            }
        }
        for c in g("us_states.tsv")? {
            r.add_phrase(&c[1], 2);
        }
        for c in g("subdivisions.tsv")? {
            if let Some(n) = c.get(3) {
                r.add_phrase(n, 2);
            }
        }
        for c in g("continents.tsv")? {
            r.add_phrase(&c[1], 3);
        }
        for f in ["first_names_male.tsv", "first_names_female.tsv"] {
            for c in g(f)? {
                r.add_phrase(&c[0], 4);
            }
        }
        for c in g("last_names.tsv")?.into_iter().take(surnames) {
            r.add_phrase(&c[0], 5);
        }
        for c in g("companies_index_constituents.tsv")? {
            r.add_phrase(&c[0], 6);
        }
        // The corpora are news of 1996 and the 2000s and the company list holds index constituents only:
        // platforms and companies that today's news names daily (and under their everyday names) are
        // missing from both. A short list written for this project.
        for c in MODERN_COMPANIES {
            r.add_phrase(c, 6);
        }
        for c in g("org_legal_suffixes.tsv")? {
            r.add_phrase(&c[0], 7);
        }
        r.mark_prefixes();
        Ok(r)
    }
}
