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
//!   WGHT  f32 step, u32 n, n feature ids (sorted, delta-coded varints), then 9 columns of n weights, each
//!         a zigzag varint q (weight = q * step)
//! ```
//!
//! All numbers little-endian. Weights are quantised linearly with an absolute step (`Model::step`): most
//! weights are small or zero and take one byte, the few large ones two or three. (An 8-bit codebook lost 1-2
//! F1 points: a few features fire on every token, and their relative rounding errors shift every score; an
//! absolute step bounds the error of a token's score instead.) Only the features the pruning kept are stored.

use super::resources::Resources;
use crate::Label;

/// The file's first eight bytes.
pub const MAGIC: &[u8; 8] = b"AANAMES\0";
/// The format version this code reads and writes.
pub const VERSION: u32 = 1;

/// The tag set: O, then B- and I- of each name label.
pub const TAGS: [&str; 9] = ["O", "B-PERSON", "I-PERSON", "B-PLACE", "I-PLACE", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];
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
#[derive(Clone, Debug)]
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
    /// Feature id to row of `weights`.
    pub rows: Rows,
    /// `NT` weights a row.
    pub weights: Vec<f32>,
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
    /// Reads a model file.
    pub fn from_bytes(b: &[u8]) -> Result<Model, FormatError> {
        let mut r = Reader { b, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(FormatError("not a names model (bad magic)".into()));
        }
        let v = r.u32()?;
        if v != VERSION {
            return Err(FormatError(format!("version {v}, this code reads {VERSION}")));
        }
        let mut m = Model {
            meta: String::new(),
            resources: Resources::default(),
            temperature: 1.0,
            start: [0.0; NT],
            trans: [[0.0; NT]; NT],
            rows: Rows::default(),
            weights: Vec::new(),
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
                    // The file stores 9 columns of n varints; memory wants rows of 9. Find where each column
                    // starts (a varint ends at each byte below 0x80), then read the 9 columns side by side,
                    // pushing each row in order: one pass, no zero-filled buffer.
                    let cols = &data[s.pos..];
                    let mut starts = [0usize; NT];
                    let mut count = 0usize;
                    let mut col = 1;
                    if n > 0 {
                        for (j, &byte) in cols.iter().enumerate() {
                            if byte < 0x80 {
                                count += 1;
                                if count == n * col {
                                    if col == NT {
                                        break;
                                    }
                                    starts[col] = j + 1;
                                    col += 1;
                                }
                            }
                        }
                        if count < n * NT {
                            return Err(FormatError("truncated weights".into()));
                        }
                    }
                    let mut w = Vec::with_capacity(n * NT);
                    for _ in 0..n {
                        for pos in starts.iter_mut() {
                            let mut z: u32 = 0;
                            let mut shift = 0;
                            loop {
                                let byte = cols[*pos];
                                *pos += 1;
                                if shift == 28 && byte > 0x0f {
                                    return Err(FormatError("varint overflow".into()));
                                }
                                z |= ((byte & 0x7f) as u32) << shift;
                                if byte < 0x80 {
                                    break;
                                }
                                shift += 7;
                            }
                            let q = (z >> 1) as i32 ^ -((z & 1) as i32);
                            w.push(q as f32 * scale);
                        }
                    }
                    m.rows = Rows::from_sorted(keys);
                    m.weights = w;
                    have_weights = true;
                }
                _ => {} // unknown sections are skipped, so a newer writer can add some
            }
        }
        if !have_weights {
            return Err(FormatError("no weights section".into()));
        }
        m.resources = Resources::from_bytes(clus, gaz).ok_or(FormatError("bad resource section".into()))?;
        Ok(m)
    }

    /// Writes the model file, quantising the weights to multiples of `step`.
    pub fn to_bytes(&self, step: f32) -> Vec<u8> {
        let scale = if step > 0.0 { step } else { 1.0 };
        let code = |w: f32| -> u32 {
            let q = (w / scale).round().clamp(-1e9, 1e9) as i32;
            ((q << 1) ^ (q >> 31)) as u32
        };
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
        let keys: Vec<(u32, u32)> = self.rows.keys().iter().enumerate().map(|(r, &k)| (k, r as u32)).collect();
        let mut w = Vec::new();
        w.extend_from_slice(&scale.to_le_bytes());
        w.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        let mut prev = 0;
        for (i, &(k, _)) in keys.iter().enumerate() {
            put_varint(&mut w, if i == 0 { k } else { k - prev });
            prev = k;
        }
        for y in 0..NT {
            for &(_, r) in &keys {
                put_varint(&mut w, code(self.weights[r as usize * NT + y]));
            }
        }
        section(b"WGHT", &w);
        out
    }

    /// Adds the weights of feature `id` to `scores`.
    #[inline]
    pub fn add_feature(&self, id: u32, scores: &mut [f32; NT]) {
        if let Some(r) = self.rows.get(id) {
            let row = &self.weights[r as usize * NT..r as usize * NT + NT];
            for y in 0..NT {
                scores[y] += row[y];
            }
        }
    }
}

/// Feature id to row: the ids sorted (row `i` is `keys[i]`), and a directory from the top bits of an id to the
/// range of keys that share them. Feature ids are hashes, so each range holds one or two keys: a lookup is one
/// directory read and a short scan, and building it is one pass over the sorted ids (no hashing, no inserts).
#[derive(Clone, Debug, Default)]
pub struct Rows {
    keys: Vec<u32>,
    /// `dir[b]`: the first row whose id has top bits `>= b`; `1 << bits` buckets and a sentinel.
    dir: Vec<u32>,
    /// `32 - bits`.
    shift: u32,
}

impl Rows {
    /// Builds the table from strictly increasing ids; row `i` is `keys[i]`.
    pub fn from_sorted(keys: Vec<u32>) -> Rows {
        debug_assert!(keys.windows(2).all(|p| p[0] < p[1]));
        let bits = (usize::BITS - keys.len().leading_zeros()).min(30);
        let shift = 32 - bits;
        let nb = 1usize << bits;
        let mut dir = Vec::with_capacity(nb + 1);
        for (i, &k) in keys.iter().enumerate() {
            let b = (k as u64 >> shift) as usize;
            while dir.len() <= b {
                dir.push(i as u32);
            }
        }
        dir.resize(nb + 1, keys.len() as u32);
        Rows { keys, dir, shift }
    }

    /// The row of feature `id`, if the model has it.
    #[inline]
    pub fn get(&self, id: u32) -> Option<u32> {
        let b = (id as u64 >> self.shift) as usize;
        let (lo, hi) = (*self.dir.get(b)? as usize, self.dir[b + 1] as usize);
        for (i, &k) in self.keys[lo..hi].iter().enumerate() {
            if k >= id {
                return (k == id).then_some((lo + i) as u32);
            }
        }
        None
    }

    /// The ids, by row.
    pub fn keys(&self) -> &[u32] {
        &self.keys
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}
