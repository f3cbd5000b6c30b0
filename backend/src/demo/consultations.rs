//! The demo desk: one consultant of Dinas Koperasi & UMKM for Kabupaten Lombok Barat, and three clearly
//! labelled example consultations from demo shops there (one answered and published as a FAQ entry, one
//! with a field visit under way, one new).

use shared::{
    ConsultationStatus, DeskSide, Form, Office, Phone, Topic,
    consultation::{NewConsultation, VisitStatus},
};

use super::queries as demo;
use crate::{
    accounts::queries::{self as users, NewUser},
    consultations::queries,
};

/// The demo consultant's account.
pub const CONSULTANT_NAME: &str = "Dinas Koperasi & UMKM Lombok Barat (demo)";
pub const CONSULTANT_PHONE: &str = "081152010100";
/// Where the demo consultant answers.
const REGION: &str = "52.01";

/// An example consultation: asked by the owner of the demo shop with this WhatsApp number.
struct Example {
    asker: &'static str,
    topic: Topic,
    title: &'static str,
    description: &'static str,
    days_ago: i64,
    status: ConsultationStatus,
    office: Option<Office>,
    reply: Option<&'static str>,
    visit: Option<(VisitStatus, &'static str)>,
    faq: Option<(&'static str, &'static str)>,
}

const EXAMPLES: &[Example] = &[
    Example {
        asker: "081234560002",
        topic: Topic::Permits,
        title: "Syarat PIRT untuk abon ikan tongkol (contoh)",
        description: "Data contoh. Kami ingin menitipkan abon ikan tongkol di toko oleh-oleh Senggigi, tetapi diminta \
                      nomor PIRT. Apa saja syaratnya dan ke mana kami mendaftar?",
        days_ago: 12,
        status: ConsultationStatus::Answered,
        office: Some(Office::Health),
        reply: Some(
            "Data contoh. Daftar lewat OSS untuk NIB, ikuti penyuluhan keamanan pangan dari Dinas Kesehatan, lalu \
             petugas memeriksa dapur produksi. Siapkan label berisi nama produk, komposisi, berat bersih dan tanggal \
             kedaluwarsa.",
        ),
        visit: None,
        faq: Some((
            "Apa saja syarat mengurus PIRT untuk produk olahan ikan seperti abon?",
            "Buat NIB lewat OSS, ikuti penyuluhan keamanan pangan dari Dinas Kesehatan, lalu dapur produksi diperiksa \
             petugas. Siapkan label yang memuat nama produk, komposisi, berat bersih, nama dan alamat produsen, serta \
             tanggal kedaluwarsa. Sertifikat PIRT berlaku lima tahun dan dapat diperpanjang.",
        )),
    },
    Example {
        asker: "081234560004",
        topic: Topic::Export,
        title: "Mengirim gerabah pesanan pembeli dari Belanda (contoh)",
        description: "Data contoh. Ada pembeli dari Belanda yang ingin memesan 200 kendi gerabah. Bagaimana cara \
                      mengemas supaya tidak pecah dan dokumen apa yang diperlukan untuk ekspor?",
        days_ago: 5,
        status: ConsultationStatus::InProgress,
        office: Some(Office::Trade),
        reply: Some(
            "Data contoh. Kami akan melihat langsung cara pengemasan di galeri. Sementara itu siapkan NIB dan daftar \
             barang beserta beratnya.",
        ),
        visit: Some((VisitStatus::Requested, "Galeri Gerabah BUMDes Gapuk")),
        faq: None,
    },
    Example {
        asker: "081234560007",
        topic: Topic::Capital,
        title: "Pinjaman modal untuk menambah stup madu trigona (contoh)",
        description: "Data contoh. Kelompok peternak kami ingin menambah 50 stup trigona. Apakah ada pinjaman lunak \
                      atau KUR untuk kelompok, dan apa syaratnya?",
        days_ago: 1,
        status: ConsultationStatus::New,
        office: None,
        reply: None,
        visit: None,
        faq: None,
    },
];

/// Creates the demo consultant and the example consultations; the demo villages and shops must exist.
pub async fn create(tx: &mut sqlx::AnyConnection, password_hash: &str, now: i64) -> anyhow::Result<()> {
    let phone = Phone::parse(CONSULTANT_PHONE)?;
    let new = NewUser {
        name: CONSULTANT_NAME,
        phone: &phone,
        email: None,
        password_hash: Some(password_hash),
        is_demo: true,
    };
    let consultant = users::create(&mut *tx, &new).await?;
    demo::insert_consultant(&mut *tx, consultant, REGION, Office::Cooperatives, now).await?;
    for example in EXAMPLES {
        let asker = Phone::parse(example.asker)?;
        let (owner, shop, village, slug) = demo::shop_of_whatsapp(&mut *tx, asker.as_str()).await?;
        let form = NewConsultation {
            topic: example.topic,
            title: example.title.into(),
            description: example.description.into(),
            village: slug,
            shop_id: Some(shop),
            photo_ids: Vec::new(),
        };
        let form =
            form.parse().map_err(|e| anyhow::anyhow!("demo consultation {} is invalid: {e:?}", example.title))?;
        let asked = now - example.days_ago * 86_400_000;
        let id = queries::insert(&mut *tx, owner, village, &form, asked).await?;
        let answered = asked + 26 * 3_600_000;
        if let Some(reply) = example.reply {
            queries::add_message(&mut *tx, id, consultant, DeskSide::Staff, reply, answered).await?;
        }
        if let Some(visit) = example.visit {
            demo::insert_visit(&mut *tx, id, visit, consultant, answered).await?;
        }
        let updated = if example.reply.is_some() { answered } else { asked };
        let assignee = example.office.map(|_| consultant);
        demo::set_consultation_state(&mut *tx, id, example.status, example.office, assignee, updated).await?;
        if let Some(faq) = example.faq {
            demo::publish_faq(&mut *tx, id, faq, answered).await?;
        }
    }
    Ok(())
}
