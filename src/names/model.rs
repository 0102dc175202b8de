//! The model file: format, loading, and the scores it gives a sentence.
//!
//! A versioned binary file (`model/names.bin`, embedded with `include_bytes!`):
//!
//! ```text
//! "AANAMES\0"  u32 version            header
//! then sections, each: [u8; 4] tag, u32 length, bytes
//!   META  UTF-8 text: how the model was trained
//!   CLUS  the Brown cluster table it uses (text, grouped by cluster path)
//!   GAZE  the gazetteer phrases it uses (text, grouped by category mask)
//!   TRAN  f32: temperature, start scores [9], transition scores [9][9]
//!   WGHT  f32 step, u32 n, n feature ids (sorted, delta-coded varints), then 9 columns of n i8 q, then a
//!         column of n u8 shifts (weight = (q << shift) * step)
//! ```
//!
//! All numbers little-endian. Weights are quantised linearly with an absolute step (`Weights::step`); with
//! step 0.5 nearly every feature's weights fit in 8 bits (shift 0), the few others lose their lowest bits.
//! Fixed-width columns read with no decoding at all (version 1 had zigzag varints, and reading them was a
//! third of loading the model in WebAssembly), and gzip them as well. (An 8-bit codebook lost 1-2
//! F1 points: a few features fire on every token, and their relative rounding errors shift every score; an
//! absolute step bounds the error of a token's score instead.) Only the features the pruning kept are stored.

use super::resources::Resources;
use crate::Label;

/// The file's first eight bytes.
pub const MAGIC: &[u8; 8] = b"AANAMES\0";
/// The format version this code reads and writes.
pub const VERSION: u32 = 2;

/// The tag set: O, then B- and I- of each name label.
pub const TAGS: [&str; 9] = [
    "O", "B-PERSON", "I-PERSON", "B-PLACE", "I-PLACE", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
];
/// Number of tags.
pub const NT: usize = 9;
/// The name label of each pair of B-/I- tags.
pub const TAG_LABELS: [Label; 4] = [Label::Person, Label::Place, Label::Org, Label::Misc];

/// The label of tag `y` (None for O).
pub fn tag_label(y: usize) -> Option<Label> {
    if y == 0 {
        None
    } else {
        Some(TAG_LABELS[(y - 1) / 2])
    }
}

/// True for a B- tag.
pub fn is_begin(y: usize) -> bool {
    y % 2 == 1
}

/// The B- tag of label index `k` (0..4).
pub fn begin_tag(l: Label) -> usize {
    1 + 2 * TAG_LABELS.iter().position(|&x| x == l).unwrap_or(0)
}

/// BIO constraint: an I- tag only continues a B- or I- tag of the same label (`prev` None: sentence start).
pub fn allowed(prev: Option<usize>, cur: usize) -> bool {
    if cur == 0 || is_begin(cur) {
        return true;
    }
    matches!(prev, Some(p) if p != 0 && p.div_ceil(2) == cur.div_ceil(2))
}

/// A loaded model.
#[derive(Debug)]
pub struct Model {
    /// How the model was trained (free text).
    pub meta: String,
    /// The clusters and gazetteers its features consult.
    pub resources: Resources,
    /// Softmax temperature for confidences: probabilities use `score / temperature`.
    pub temperature: f32,
    /// Score of each tag at a sentence's start.
    pub start: [f32; NT],
    /// Score of each tag pair `[prev][cur]`.
    pub trans: [[f32; NT]; NT],
    /// The features' weights.
    pub weights: Weights,
    /// Distinguishes models for caches of scores (see [`Model::serial`]).
    serial: u64,
}

impl Clone for Model {
    /// A copy, with a serial of its own: its fields may then change independently.
    fn clone(&self) -> Model {
        Model {
            meta: self.meta.clone(),
            resources: self.resources.clone(),
            temperature: self.temperature,
            start: self.start,
            trans: self.trans,
            weights: self.weights.clone(),
            serial: next_serial(),
        }
    }
}

fn next_serial() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Why a model file did not load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub String);

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad model file: {}", self.0)
    }
}

impl std::error::Error for FormatError {}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        if self.b.len() - self.pos < n {
            return Err(FormatError("truncated".into()));
        }
        let s = &self.b[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, FormatError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn f32(&mut self) -> Result<f32, FormatError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn varint(&mut self) -> Result<u32, FormatError> {
        let mut v: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.take(1)?[0];
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(v).map_err(|_| FormatError("varint overflow".into()));
            }
        }
        Err(FormatError("varint too long".into()))
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

impl Model {
    /// A model from its parts.
    pub fn new(
        resources: Resources,
        temperature: f32,
        start: [f32; NT],
        trans: [[f32; NT]; NT],
        weights: Weights,
    ) -> Model {
        Model {
            meta: String::new(),
            resources,
            temperature,
            start,
            trans,
            weights,
            serial: next_serial(),
        }
    }

    /// A number no other model of this process has. Caches of word scores are kept per serial, so a model's
    /// `weights` and `resources` must not change once it has tagged (clone it instead: a clone gets its own).
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// Reads a model file.
    pub fn from_bytes(b: &[u8]) -> Result<Model, FormatError> {
        Model::read(b, Resources::from_bytes)
    }

    /// Reads a model file that lives as long as the program (the embedded one): the word lists borrow their
    /// keys from it instead of copying them.
    pub fn from_static(b: &'static [u8]) -> Result<Model, FormatError> {
        Model::read(b, Resources::from_static)
    }

    fn read<'a>(
        b: &'a [u8],
        resources: impl FnOnce(&'a [u8], &'a [u8]) -> Option<Resources>,
    ) -> Result<Model, FormatError> {
        let mut r = Reader { b, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(FormatError("not a names model (bad magic)".into()));
        }
        let v = r.u32()?;
        if v != VERSION {
            return Err(FormatError(format!(
                "version {v}, this code reads {VERSION}"
            )));
        }
        let mut m = Model {
            meta: String::new(),
            resources: Resources::default(),
            temperature: 1.0,
            start: [0.0; NT],
            trans: [[0.0; NT]; NT],
            weights: Weights::default(),
            serial: next_serial(),
        };
        let (mut clus, mut gaz): (&[u8], &[u8]) = (&[], &[]);
        let mut have_weights = false;
        while r.pos < b.len() {
            let tag: [u8; 4] = r.take(4)?.try_into().unwrap();
            let len = r.u32()? as usize;
            let data = r.take(len)?;
            let mut s = Reader { b: data, pos: 0 };
            match &tag {
                b"META" => m.meta = String::from_utf8_lossy(data).into_owned(),
                b"CLUS" => clus = data,
                b"GAZE" => gaz = data,
                b"TRAN" => {
                    m.temperature = s.f32()?;
                    for y in 0..NT {
                        m.start[y] = s.f32()?;
                    }
                    for p in 0..NT {
                        for y in 0..NT {
                            m.trans[p][y] = s.f32()?;
                        }
                    }
                }
                b"WGHT" => {
                    let scale = s.f32()?;
                    let n = s.u32()? as usize;
                    if n > data.len() {
                        return Err(FormatError("weight count larger than the section".into()));
                    }
                    let mut keys = Vec::with_capacity(n);
                    let mut k: u32 = 0;
                    for i in 0..n {
                        let d = s.varint()?;
                        k = if i == 0 {
                            d
                        } else if d == 0 {
                            return Err(FormatError("feature ids not increasing".into()));
                        } else {
                            k.checked_add(d).ok_or(FormatError("bad key".into()))?
                        };
                        keys.push(k);
                    }
                    // 9 columns of n i8, then n shifts; memory wants rows.
                    let cols = data
                        .get(s.pos..s.pos + n * (NT + 1))
                        .ok_or(FormatError("truncated weights".into()))?;
                    let shifts = &cols[n * NT..];
                    if shifts.iter().any(|&x| x > MAX_SHIFT) {
                        return Err(FormatError("bad weight shift".into()));
                    }
                    let rows = keys
                        .iter()
                        .enumerate()
                        .map(|(r, &id)| Row {
                            id,
                            q: std::array::from_fn(|y| cols[y * n + r] as i8),
                            shift: shifts[r],
                        })
                        .collect();
                    if !(scale.is_finite() && scale > 0.0) {
                        return Err(FormatError("bad weight step".into()));
                    }
                    m.weights = Weights::from_rows(rows, scale);
                    have_weights = true;
                }
                _ => {} // unknown sections are skipped, so a newer writer can add some
            }
        }
        if !have_weights {
            return Err(FormatError("no weights section".into()));
        }
        m.resources = resources(clus, gaz).ok_or(FormatError("bad resource section".into()))?;
        Ok(m)
    }

    /// Writes the model file (the weights are already quantised, see [`Weights`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        let mut section = |tag: &[u8; 4], data: &[u8]| {
            out.extend_from_slice(tag);
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(data);
        };
        section(b"META", self.meta.as_bytes());
        let (clus, gaz) = self.resources.to_bytes();
        section(b"CLUS", &clus);
        section(b"GAZE", &gaz);
        let mut t = Vec::new();
        t.extend_from_slice(&self.temperature.to_le_bytes());
        for y in 0..NT {
            t.extend_from_slice(&self.start[y].to_le_bytes());
        }
        for p in 0..NT {
            for y in 0..NT {
                t.extend_from_slice(&self.trans[p][y].to_le_bytes());
            }
        }
        section(b"TRAN", &t);
        let rows = &self.weights.sorted_rows();
        let mut w = Vec::new();
        w.extend_from_slice(&self.weights.step.to_le_bytes());
        w.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        let mut prev = 0;
        for (i, r) in rows.iter().enumerate() {
            put_varint(&mut w, if i == 0 { r.id } else { r.id - prev });
            prev = r.id;
        }
        for y in 0..NT {
            w.extend(rows.iter().map(|r| r.q[y] as u8));
        }
        w.extend(rows.iter().map(|r| r.shift));
        section(b"WGHT", &w);
        out
    }

    /// The emission scores of one token from its feature ids (the features the model lacks add nothing).
    #[inline]
    pub fn emission(&self, ids: &[u32]) -> [f32; NT] {
        let mut acc = [0i32; NT];
        for &id in ids {
            self.weights.add(id, &mut acc);
        }
        self.weights.scores(&acc)
    }
}

/// One feature's weights: its id and one quantised weight per tag, `q << shift` multiples of the step. 16
/// bytes, so a lookup touches one cache line for the id and the weights together. With step 0.5 nearly
/// every row has `shift` 0 (in the shipped model all but 3 of 100,000; the largest weight is 212 steps), so
/// the 8-bit form loses nothing.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
struct Row {
    id: u32,
    q: [i8; NT],
    shift: u8,
}

impl Row {
    /// Rounds 16-bit quantised weights to the 8-bit form (exact when they all fit in an `i8`).
    fn new(id: u32, q: &[i16; NT]) -> Row {
        let max = q.iter().map(|&x| (x as i32).abs()).max().unwrap_or(0);
        let mut shift = 0u8;
        while max >> shift > 127 {
            shift += 1;
        }
        let round = |x: i16| -> i8 {
            let x = x as i32;
            let r = if shift == 0 {
                x
            } else {
                (x + (1 << (shift - 1))) >> shift
            };
            r.clamp(-127, 127) as i8
        };
        Row {
            id,
            q: q.map(round),
            shift,
        }
    }
}

/// The weights of the kept features in an open-addressing hash table (linear probing, at most 3/4 full):
/// a lookup usually reads one 16-byte row, with the id and all nine weights, and no other memory. Weights are
/// quantised to multiples of an absolute `step` and summed as integers; a token's score is converted to float
/// once.
#[derive(Clone, Debug, Default)]
pub struct Weights {
    /// `1 << bits` slots; an empty one has `shift == EMPTY`.
    slots: Vec<Row>,
    /// `64 - bits`: a slot is the top bits of the id's multiplicative hash.
    shift: u32,
    len: usize,
    step: f32,
    /// A bit per value of an id's low bits, set when some kept id has them: most ids looked up and not kept
    /// (word pairs mostly) are turned away by this 128 KB table without touching the 4 MB of rows.
    filter: Vec<u64>,
}

/// The `shift` of an empty slot.
const EMPTY: u8 = u8::MAX;
/// The largest shift a row needs (16-bit weights).
const MAX_SHIFT: u8 = 8;

impl Weights {
    /// Builds the table from distinct ids and their quantised weights.
    fn from_sorted(ids: Vec<u32>, q: Vec<[i16; NT]>, step: f32) -> Weights {
        Weights::from_rows(
            ids.into_iter()
                .zip(&q)
                .map(|(id, q)| Row::new(id, q))
                .collect(),
            step,
        )
    }

    /// Builds the table from rows with distinct ids.
    fn from_rows(rows: Vec<Row>, step: f32) -> Weights {
        let n = rows.len();
        let mut bits = 4;
        while (1usize << bits) * 3 < n * 4 {
            bits += 1;
        }
        let empty = Row {
            id: 0,
            q: [0; NT],
            shift: EMPTY,
        };
        // Four filter bits a slot: about one id in ten not kept gets past it.
        let filter = vec![0u64; (1 << (bits + 2)) / 64];
        let mut w = Weights {
            slots: vec![empty; 1 << bits],
            shift: 64 - bits,
            len: n,
            step,
            filter,
        };
        let mask = w.slots.len() - 1;
        for row in rows {
            let b = w.filter_bit(row.id);
            w.filter[b / 64] |= 1 << (b % 64);
            let mut k = w.slot(row.id);
            while w.slots[k].shift != EMPTY {
                k = (k + 1) & mask;
            }
            w.slots[k] = row;
        }
        w
    }

    #[inline]
    fn slot(&self, id: u32) -> usize {
        ((id as u64 | (id as u64) << 32).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// Quantises float weights (`NT` per id, ids strictly increasing) to multiples of `step`. Returns the table
    /// and how many weights had to be clamped to the 16-bit range.
    pub fn quantise(ids: Vec<u32>, w: &[f32], step: f32) -> (Weights, usize) {
        assert!(step > 0.0 && w.len() == ids.len() * NT);
        let mut clamped = 0;
        let q = w
            .chunks_exact(NT)
            .map(|row| {
                let mut out = [0i16; NT];
                for (o, &x) in out.iter_mut().zip(row) {
                    let v = (x / step).round();
                    clamped += usize::from(v.abs() > i16::MAX as f32);
                    *o = v.clamp(-(i16::MAX as f32), i16::MAX as f32) as i16;
                }
                out
            })
            .collect();
        (Weights::from_sorted(ids, q, step), clamped)
    }

    /// Adds the quantised weights of feature `id` to `acc`, if the model has it.
    #[inline]
    pub fn add(&self, id: u32, acc: &mut [i32; NT]) {
        if let Some(r) = self.row(id) {
            for (a, &q) in acc.iter_mut().zip(&r.q) {
                *a += (q as i32) << r.shift;
            }
        }
    }

    /// The filter bit of `id`: its low bits (ids are already hashes, and the slot comes from the high bits
    /// of another hash of them).
    #[inline]
    fn filter_bit(&self, id: u32) -> usize {
        id as usize & (self.filter.len() * 64).wrapping_sub(1)
    }

    #[inline]
    fn row(&self, id: u32) -> Option<&Row> {
        let b = self.filter_bit(id);
        if *self.filter.get(b / 64)? & (1 << (b % 64)) == 0 {
            return None;
        }
        let mask = self.slots.len().wrapping_sub(1);
        let mut k = self.slot(id);
        loop {
            let r = self.slots.get(k)?;
            if r.shift == EMPTY {
                return None;
            }
            if r.id == id {
                return Some(r);
            }
            k = (k + 1) & mask;
        }
    }

    /// Integer sums to scores.
    #[inline]
    pub fn scores(&self, acc: &[i32; NT]) -> [f32; NT] {
        acc.map(|a| a as f32 * self.step)
    }

    /// The rows, sorted by feature id.
    fn sorted_rows(&self) -> Vec<Row> {
        let mut rows: Vec<Row> = self
            .slots
            .iter()
            .filter(|r| r.shift != EMPTY)
            .copied()
            .collect();
        rows.sort_unstable_by_key(|r| r.id);
        rows
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kept_feature_is_found_and_others_add_nothing() {
        // Ids spread like hashes, some sharing their low bits (the filter's) or their slot.
        let mut ids: Vec<u32> = (0..5000u32)
            .map(|k| k.wrapping_mul(0x9e37_79b9) ^ (k << 3))
            .collect();
        ids.extend([1 << 20, 2 << 20, 3 << 20, 7]);
        ids.sort_unstable();
        ids.dedup();
        let w: Vec<f32> = ids
            .iter()
            .flat_map(|&id| (0..NT).map(move |y| ((id >> y) % 7) as f32 - 3.0))
            .collect();
        let (weights, _) = Weights::quantise(ids.clone(), &w, 1.0);
        for (k, &id) in ids.iter().enumerate() {
            let mut acc = [0; NT];
            weights.add(id, &mut acc);
            let want: [i32; NT] = std::array::from_fn(|y| w[k * NT + y] as i32);
            assert_eq!(acc, want, "id {id}");
        }
        let kept: std::collections::HashSet<u32> = ids.iter().copied().collect();
        for id in (0..20_000u32)
            .map(|k| k.wrapping_mul(0x85eb_ca6b))
            .filter(|id| !kept.contains(id))
        {
            let mut acc = [0; NT];
            weights.add(id, &mut acc);
            assert_eq!(acc, [0; NT], "id {id}");
        }
        let mut acc = [0; NT];
        Weights::default().add(5, &mut acc);
        assert_eq!(acc, [0; NT]);
    }
}
