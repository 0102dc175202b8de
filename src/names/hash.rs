//! Small, deterministic hashing: feature ids (string hashes combined by multiply-rotate, finalised and folded
//! to 32 bits) and a fast hasher for the lookup tables. Deterministic on every platform, so a feature hashed at training time is the same id in the
//! browser.

use std::hash::{BuildHasherDefault, Hasher};

/// A feature id under construction: a template number, then the pieces it looks at, each a 64-bit value
/// (a string's [`str_hash`], a small number). Strings are hashed once per word type and combined here with a
/// multiply-rotate step, so building a feature from its neighbours' words costs a few multiplications.
#[derive(Clone, Copy)]
pub struct FeatureHash(u64);

impl FeatureHash {
    /// Starts a feature of template `template`.
    #[inline]
    pub fn new(template: u8) -> FeatureHash {
        FeatureHash((template as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    /// Feeds a 64-bit piece (a string hash or a number).
    #[inline]
    pub fn hash(self, v: u64) -> FeatureHash {
        FeatureHash(
            (self.0 ^ v)
                .wrapping_mul(0xbf58_476d_1ce4_e5b9)
                .rotate_left(31),
        )
    }

    /// Feeds a string.
    #[inline]
    pub fn str(self, s: &str) -> FeatureHash {
        self.hash(str_hash(s))
    }

    /// Feeds a small number.
    #[inline]
    pub fn num(self, n: u32) -> FeatureHash {
        self.hash(n as u64 ^ 0x5851_f42d_4c95_7f2d)
    }

    /// The 32-bit feature id (the 64-bit state through MurmurHash3's finaliser, folded).
    #[inline]
    pub fn id(self) -> u32 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^= h >> 33;
        (h ^ (h >> 32)) as u32
    }
}

/// FNV-1a over a string's UTF-8 bytes, fed piece by piece ([`StrHash::char`]) or whole ([`str_hash`]).
#[derive(Clone, Copy)]
pub struct StrHash(u64);

impl Default for StrHash {
    fn default() -> Self {
        StrHash::new()
    }
}

impl StrHash {
    /// The empty string's state.
    #[inline]
    pub const fn new() -> StrHash {
        StrHash(0xcbf2_9ce4_8422_2325)
    }

    /// Feeds bytes.
    #[inline]
    pub fn bytes(&mut self, b: &[u8]) {
        self.0 = fnv(self.0, b);
    }

    /// Feeds a character (its UTF-8 bytes).
    #[inline]
    pub fn char(&mut self, c: char) {
        self.bytes(c.encode_utf8(&mut [0; 4]).as_bytes());
    }

    /// The hash.
    #[inline]
    pub const fn finish(self) -> u64 {
        self.0
    }
}

/// The [`StrHash`] of a whole string.
#[inline]
pub const fn str_hash(s: &str) -> u64 {
    fnv(StrHash::new().0, s.as_bytes())
}

/// FNV-1a steps over `b` from state `h` (a `const fn`, so sentinel hashes are compile-time constants).
#[inline]
const fn fnv(mut h: u64, b: &[u8]) -> u64 {
    let mut i = 0;
    while i < b.len() {
        h ^= b[i] as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
}

/// The rustc "Fx" hasher: fast for the short keys of the lookup tables, and deterministic.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap()));
        }
        for &b in chunks.remainder() {
            self.add(b as u64);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64)
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64)
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i)
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64)
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

/// A `HashMap` with the Fx hasher.
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;
