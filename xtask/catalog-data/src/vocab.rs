//! What the generated catalog is made of: village goods by sector as Indonesian sellers name them
//! (kinds, variants, sizes), shop and producer names, and a small deterministic random generator.

use shared::{Sector, Unit};

/// A kind of product: its sector, the words that start its name, variants and sizes with their unit,
/// price range and weight per unit.
pub struct Kind {
    pub sector: Sector,
    pub base: &'static str,
    pub variants: &'static [&'static str],
    pub sizes: &'static [(&'static str, Unit, i64)],
    pub price: (i64, i64),
    pub about: &'static str,
}

const SMALL: &[(&str, Unit, i64)] =
    &[("100 g", Unit::Bungkus, 120), ("250 g", Unit::Bungkus, 270), ("500 g", Unit::Bungkus, 520)];
const BULK: &[(&str, Unit, i64)] =
    &[("1 kg", Unit::Kg, 1050), ("5 kg", Unit::Karung, 5100), ("500 g", Unit::Bungkus, 520)];
const BOTTLE: &[(&str, Unit, i64)] =
    &[("100 ml", Unit::Botol, 180), ("250 ml", Unit::Botol, 380), ("500 ml", Unit::Botol, 700)];
const PIECE: &[(&str, Unit, i64)] =
    &[("", Unit::Pcs, 600), ("ukuran besar", Unit::Pcs, 1200), ("isi 3", Unit::Set, 1500)];
const CLOTH: &[(&str, Unit, i64)] =
    &[("", Unit::Lembar, 400), ("2 m", Unit::Lembar, 500), ("motif klasik", Unit::Lembar, 450)];
const TRIP: &[(&str, Unit, i64)] =
    &[("setengah hari", Unit::Orang, 0), ("sehari penuh", Unit::Orang, 0), ("2 hari 1 malam", Unit::Paket, 0)];

pub const KINDS: &[Kind] = &[
    Kind {
        sector: Sector::Olahan,
        base: "Keripik",
        variants: &["Pisang", "Singkong Balado", "Tempe", "Talas", "Sukun", "Nangka", "Pisang Gula Aren", "Bayam"],
        sizes: SMALL,
        price: (8_000, 35_000),
        about: "camilan renyah digoreng sedikit demi sedikit tanpa pengawet",
    },
    Kind {
        sector: Sector::Olahan,
        base: "Kerupuk",
        variants: &["Ikan Tenggiri", "Udang", "Kulit Sapi", "Bawang", "Cumi"],
        sizes: SMALL,
        price: (10_000, 45_000),
        about: "kerupuk mentah yang mengembang saat digoreng",
    },
    Kind {
        sector: Sector::Olahan,
        base: "Dodol",
        variants: &["Durian", "Nangka", "Rumput Laut", "Ketan Hitam", "Salak"],
        sizes: SMALL,
        price: (12_000, 40_000),
        about: "dodol kenyal dimasak berjam-jam dengan santan dan gula aren",
    },
    Kind {
        sector: Sector::Olahan,
        base: "Sambal",
        variants: &["Terasi", "Bawang", "Roa", "Cumi", "Matah", "Ijo"],
        sizes: &[("150 g", Unit::Botol, 300), ("250 g", Unit::Botol, 420)],
        price: (15_000, 45_000),
        about: "sambal ulek dari cabai kebun sendiri, dikemas dalam botol kaca",
    },
    Kind {
        sector: Sector::Olahan,
        base: "Abon",
        variants: &["Ikan Tongkol", "Sapi", "Ayam", "Ikan Tuna Pedas"],
        sizes: SMALL,
        price: (20_000, 80_000),
        about: "abon kering yang gurih untuk lauk dan bekal",
    },
    Kind {
        sector: Sector::Olahan,
        base: "Gula Aren",
        variants: &["Cetak", "Semut", "Cair", "Batok"],
        sizes: BULK,
        price: (18_000, 120_000),
        about: "gula dari nira aren yang dimasak di tungku kayu",
    },
    Kind {
        sector: Sector::Olahan,
        base: "Emping",
        variants: &["Melinjo", "Melinjo Pedas Manis", "Jagung"],
        sizes: SMALL,
        price: (15_000, 60_000),
        about: "emping tipis yang ditumbuk satu per satu",
    },
    Kind {
        sector: Sector::Olahan,
        base: "Sirup",
        variants: &["Markisa", "Manggis", "Jahe Merah", "Pala", "Kelapa Muda"],
        sizes: BOTTLE,
        price: (15_000, 55_000),
        about: "sirup kental tanpa pewarna buatan",
    },
    Kind {
        sector: Sector::Perkebunan,
        base: "Kopi",
        variants: &["Robusta Bubuk", "Arabika Bubuk", "Robusta Biji Sangrai", "Arabika Biji Sangrai", "Liberika"],
        sizes: SMALL,
        price: (25_000, 150_000),
        about: "kopi dari buah merah yang dipetik pilih dan disangrai sedang",
    },
    Kind {
        sector: Sector::Perkebunan,
        base: "Kakao",
        variants: &["Fermentasi", "Bubuk Murni", "Biji Kering"],
        sizes: BULK,
        price: (30_000, 200_000),
        about: "biji kakao yang difermentasi lima hari lalu dijemur",
    },
    Kind {
        sector: Sector::Perkebunan,
        base: "Rempah",
        variants: &["Cengkeh Kering", "Pala Utuh", "Kemiri Kupas", "Lada Hitam", "Kayu Manis", "Vanili Kering"],
        sizes: SMALL,
        price: (12_000, 250_000),
        about: "rempah dari kebun campur yang dijemur di para-para",
    },
    Kind {
        sector: Sector::Pertanian,
        base: "Beras",
        variants: &["Putih", "Merah", "Hitam", "Ketan", "Organik"],
        sizes: BULK,
        price: (14_000, 95_000),
        about: "beras dari sawah irigasi desa yang digiling di penggilingan desa",
    },
    Kind {
        sector: Sector::Pertanian,
        base: "Cabai",
        variants: &["Rawit Merah", "Rawit Kering", "Keriting", "Besar"],
        sizes: BULK,
        price: (20_000, 150_000),
        about: "cabai petik pagi langsung dari kebun",
    },
    Kind {
        sector: Sector::Pertanian,
        base: "Bawang",
        variants: &["Merah", "Putih Lokal", "Goreng"],
        sizes: BULK,
        price: (20_000, 120_000),
        about: "bawang kering panen kebun tegalan",
    },
    Kind {
        sector: Sector::Pertanian,
        base: "Buah",
        variants: &["Manggis", "Durian Lokal", "Salak Pondoh", "Rambutan", "Alpukat Mentega", "Pisang Kepok"],
        sizes: BULK,
        price: (15_000, 150_000),
        about: "buah segar dipetik matang pohon",
    },
    Kind {
        sector: Sector::Pertanian,
        base: "Kacang",
        variants: &["Tanah Kupas", "Tanah Sangrai", "Hijau", "Mete Kupas", "Merah"],
        sizes: SMALL,
        price: (12_000, 90_000),
        about: "kacang pilihan yang disortir tangan",
    },
    Kind {
        sector: Sector::Perikanan,
        base: "Ikan Asin",
        variants: &["Teri Nasi", "Belanak", "Jambal Roti", "Tongkol", "Cumi"],
        sizes: SMALL,
        price: (15_000, 120_000),
        about: "ikan segar hasil tangkapan nelayan yang dijemur di pantai",
    },
    Kind {
        sector: Sector::Perikanan,
        base: "Rumput Laut",
        variants: &["Kering Cottonii", "Kering Spinosum", "Stik", "Agar-agar Batang"],
        sizes: BULK,
        price: (15_000, 250_000),
        about: "rumput laut budidaya tali panjang, dijemur sampai kering",
    },
    Kind {
        sector: Sector::Perikanan,
        base: "Terasi",
        variants: &["Udang Rebon", "Ikan", "Bakar Siap Pakai"],
        sizes: SMALL,
        price: (8_000, 40_000),
        about: "terasi fermentasi udang rebon dengan garam laut",
    },
    Kind {
        sector: Sector::Peternakan,
        base: "Madu",
        variants: &["Hutan", "Trigona", "Kelulut", "Randu", "Kaliandra"],
        sizes: BOTTLE,
        price: (45_000, 300_000),
        about: "madu murni yang dipanen dengan cara tiris tanpa memeras sarang",
    },
    Kind {
        sector: Sector::Peternakan,
        base: "Telur",
        variants: &["Ayam Kampung", "Bebek Asin", "Puyuh"],
        sizes: &[("isi 10", Unit::Pack, 600), ("isi 30", Unit::Pack, 1800)],
        price: (18_000, 90_000),
        about: "telur dari ternak yang dilepas di kebun",
    },
    Kind {
        sector: Sector::Kerajinan,
        base: "Gerabah",
        variants: &["Kendi", "Vas Bunga", "Pot Gantung", "Cobek dan Ulekan", "Tungku"],
        sizes: PIECE,
        price: (20_000, 350_000),
        about: "gerabah tanah liat yang dibentuk tangan lalu dibakar dengan jerami",
    },
    Kind {
        sector: Sector::Kerajinan,
        base: "Anyaman",
        variants: &[
            "Pandan Tas Belanja",
            "Pandan Tikar",
            "Bambu Keranjang",
            "Rotan Tempat Buah",
            "Lontar Topi",
            "Ketak Kotak Tisu",
        ],
        sizes: PIECE,
        price: (25_000, 450_000),
        about: "anyaman tangan perajin desa dari bahan yang dijemur dan diwarnai alami",
    },
    Kind {
        sector: Sector::Kerajinan,
        base: "Ukiran",
        variants: &["Kayu Jati Hiasan Dinding", "Tempurung Kelapa Gantungan Kunci", "Kayu Patung Kecil"],
        sizes: PIECE,
        price: (15_000, 900_000),
        about: "ukiran tangan dari kayu dan tempurung sisa kebun",
    },
    Kind {
        sector: Sector::Fesyen,
        base: "Tenun Ikat",
        variants: &["Sarung", "Selendang", "Kain Panjang", "Syal", "Tas Selempang"],
        sizes: CLOTH,
        price: (75_000, 2_500_000),
        about: "tenun ikat dengan pewarna alam dari akar mengkudu dan daun nila",
    },
    Kind {
        sector: Sector::Fesyen,
        base: "Batik",
        variants: &["Tulis Kain", "Cap Kain", "Kemeja Lengan Pendek", "Selendang", "Tanah Liat"],
        sizes: CLOTH,
        price: (85_000, 1_500_000),
        about: "batik dengan motif khas desa, dicanting dan diwarnai di rumah perajin",
    },
    Kind {
        sector: Sector::Fesyen,
        base: "Songket",
        variants: &["Kain", "Selendang", "Peci"],
        sizes: CLOTH,
        price: (150_000, 3_000_000),
        about: "songket benang emas yang ditenun berminggu-minggu",
    },
    Kind {
        sector: Sector::Herbal,
        base: "Minyak",
        variants: &["Serai Wangi", "Nilam", "Kayu Putih", "Kelapa Murni", "Cengkeh"],
        sizes: BOTTLE,
        price: (20_000, 250_000),
        about: "minyak atsiri hasil suling uap di rumah produksi desa",
    },
    Kind {
        sector: Sector::Herbal,
        base: "Jamu",
        variants: &["Kunyit Asam", "Beras Kencur", "Temulawak", "Jahe Merah Instan"],
        sizes: BOTTLE,
        price: (10_000, 60_000),
        about: "jamu racikan turun-temurun tanpa bahan pengawet",
    },
    Kind {
        sector: Sector::JasaWisata,
        base: "Paket Wisata",
        variants: &[
            "Susur Sungai",
            "Jelajah Kebun Kopi",
            "Menginap di Rumah Warga",
            "Kelas Membatik",
            "Kelas Menenun",
            "Memancing Bersama Nelayan",
        ],
        sizes: TRIP,
        price: (50_000, 1_200_000),
        about: "dipandu pemuda desa, termasuk makan siang masakan rumah",
    },
];

pub const SHOP_PREFIXES: &[&str] =
    &["Lapak BUMDes", "Koperasi", "Sentra IKM", "Dapur", "Toko Tani", "Galeri", "Kios", "Rumah Produksi"];
pub const PEOPLE: &[&str] = &[
    "Inaq Saniah",
    "Amaq Jumadil",
    "Bu Ketut",
    "Mama Yosefina",
    "Bu Euis",
    "Bu Hasnah",
    "Pak Darmo",
    "Ibu Sri",
    "Mama Maria",
    "Bapak Yohanes",
    "Inaq Rohani",
    "Amaq Rais",
    "Bu Yanti",
    "Pak Made",
    "Uda Rizal",
    "Bu Siti",
    "Kak Nona",
    "Pak Harun",
    "Bu Lilis",
    "Pak Anwar",
];
pub const DUSUN: &[&str] =
    &["Dasan Baru", "Lendang", "Bukit", "Pantai", "Kebon", "Tengah", "Timur", "Barat", "Atas", "Bawah"];

/// A small, fast, deterministic generator (xorshift64*), so every run makes the same catalog.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A whole number in `lo..=hi`, rounded to `step`.
    pub fn between(&mut self, (lo, hi): (i64, i64), step: i64) -> i64 {
        let span = (hi - lo).max(1) as u64;
        ((lo + (self.next() % span) as i64) / step).max(1) * step
    }
}
