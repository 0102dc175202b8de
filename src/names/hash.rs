//! Small, deterministic hashing: feature ids (FNV-1a, folded to 32 bits) and a fast hasher for the lookup
//! tables. Deterministic on every platform, so a feature hashed at training time is the same id in the
//! browser.

use std::hash::{BuildHasherDefault, Hasher};

/// An FNV-1a hash that feature templates feed piece by piece.
#[derive(Clone, Copy)]
pub struct FeatureHash(u64);

impl FeatureHash {
    /// Starts a feature of template `template`.
    #[inline]
    pub fn new(template: u8) -> FeatureHash {
        let mut h = FeatureHash(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }

    #[inline]
    fn byte(&mut self, b: u8) {
        self.0 ^= b as u64;
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }

    /// Feeds a string, followed by a separator so that `("ab", "c")` and `("a", "bc")` differ.
    #[inline]
    pub fn str(mut self, s: &str) -> FeatureHash {
        for b in s.bytes() {
            self.byte(b);
        }
        self.byte(0xff);
        self
    }

    /// Feeds a small number.
    #[inline]
    pub fn num(mut self, n: u32) -> FeatureHash {
        for b in n.to_le_bytes() {
            self.byte(b);
        }
        self
    }

    /// The 32-bit feature id.
    #[inline]
    pub fn id(self) -> u32 {
        (self.0 ^ (self.0 >> 32)) as u32
    }
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
