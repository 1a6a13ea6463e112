/*
 * isakmp_names.c - IKEv1/ISAKMP/IPsec-DOI name registries.
 *
 * One sorted static table per registry; lookups are binary searches.
 * Facts (numbers and the names they carry) come from RFC 2407, 2408, 2409,
 * 3706, 3947, 4106, 4304, 4309, 4359, 4543, 4754, 5114, 5903, 6407, 6932,
 * 8031, draft-ietf-ipsec-isakmp-xauth, draft-ietf-ipsec-isakmp-hybrid-auth,
 * draft-dukes-ike-mode-cfg, draft-ietf-ipsec-nat-t-ike, and the IANA
 * "ISAKMP Identifiers" and "IKE Attributes" registries; vendor values are
 * the ones several public implementations agree on.  See doc/registries.md.
 *
 * Rules for editing: keep every table in ascending value order with no
 * duplicates (tests/unit/test_isakmp_names.c checks), name only values a
 * document assigns, and describe everything else through the range table.
 */
#include <stdint.h>
#include <stdio.h>

#include "isakmp_names.h"

struct ent {
	uint32_t	 v;
	const char	*name;
	const char	*tok;		/* lowercase JSON token or NULL */
	const char	*shrt;		/* short display token or NULL */
	signed char	 form;		/* attributes: 0 TV, 1 TLV, -1 n/a */
	unsigned char	 vreg;		/* attributes: value registry */
};

struct rng {
	uint32_t	 lo, hi;
	const char	*label;
};

struct reg {
	const char		*label;
	const struct ent	*e;
	size_t			 ne;
	const struct rng	*r;
	size_t			 nr;
};

#define N(v, n)			{ (v), (n), NULL, NULL, -1, REG__COUNT }
#define NT(v, n, t)		{ (v), (n), (t), NULL, -1, REG__COUNT }
#define NTS(v, n, t, s)		{ (v), (n), (t), (s), -1, REG__COUNT }
#define A(v, n, t, f, r)	{ (v), (n), (t), NULL, (f), (r) }
#define TV	0
#define TLV	1
#define NOREG	REG__COUNT
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

#define RESERVED	"reserved"
#define UNASSIGNED	"unassigned"
#define PRIVATE		"private use"

/* ---- ISAKMP payload types: RFC 2408 3.1, 3547, 6407, 3947, drafts ---- */
static const struct ent payload_e[] = {
	NTS(0, "None", "none", "NONE"),
	NTS(1, "Security Association", "sa", "SA"),
	NTS(2, "Proposal", "p", "P"),
	NTS(3, "Transform", "t", "T"),
	NTS(4, "Key Exchange", "ke", "KE"),
	NTS(5, "Identification", "id", "ID"),
	NTS(6, "Certificate", "cert", "CERT"),
	NTS(7, "Certificate Request", "cr", "CR"),
	NTS(8, "Hash", "hash", "HASH"),
	NTS(9, "Signature", "sig", "SIG"),
	NTS(10, "Nonce", "nonce", "NONCE"),
	NTS(11, "Notification", "n", "N"),
	NTS(12, "Delete", "d", "D"),
	NTS(13, "Vendor ID", "vid", "VID"),
	NTS(14, "Attributes (Mode-Config)", "attr", "ATTR"),
	NTS(15, "SA KEK", "sak", "SAK"),
	NTS(16, "SA TEK", "sat", "SAT"),
	NTS(17, "Key Download", "kd", "KD"),
	NTS(18, "Sequence Number", "seq", "SEQ"),
	NTS(19, "Proof of Possession", "pop", "POP"),
	NTS(20, "NAT Discovery", "nat_d", "NAT-D"),
	NTS(21, "NAT Original Address", "nat_oa", "NAT-OA"),
	NTS(22, "Group Associated Policy", "gap", "GAP"),
	NTS(33, "IKEv2 Security Association", "v2_sa", "v2-SA"),
	NTS(34, "IKEv2 Key Exchange", "v2_ke", "v2-KE"),
	NTS(35, "IKEv2 Identification - Initiator", "v2_idi", "v2-IDi"),
	NTS(36, "IKEv2 Identification - Responder", "v2_idr", "v2-IDr"),
	NTS(37, "IKEv2 Certificate", "v2_cert", "v2-CERT"),
	NTS(38, "IKEv2 Certificate Request", "v2_certreq", "v2-CERTREQ"),
	NTS(39, "IKEv2 Authentication", "v2_auth", "v2-AUTH"),
	NTS(40, "IKEv2 Nonce", "v2_nonce", "v2-NONCE"),
	NTS(41, "IKEv2 Notify", "v2_n", "v2-N"),
	NTS(42, "IKEv2 Delete", "v2_d", "v2-D"),
	NTS(43, "IKEv2 Vendor ID", "v2_v", "v2-V"),
	NTS(44, "IKEv2 Traffic Selector - Initiator", "v2_tsi", "v2-TSi"),
	NTS(45, "IKEv2 Traffic Selector - Responder", "v2_tsr", "v2-TSr"),
	NTS(46, "IKEv2 Encrypted and Authenticated", "v2_sk", "v2-SK"),
	NTS(47, "IKEv2 Configuration", "v2_cp", "v2-CP"),
	NTS(48, "IKEv2 Extensible Authentication", "v2_eap", "v2-EAP"),
	NTS(49, "IKEv2 Generic Secure Password Method", "v2_gspm", "v2-GSPM"),
	NTS(50, "IKEv2 Group Identification", "v2_idg", "v2-IDg"),
	NTS(51, "IKEv2 Group Security Association", "v2_gsa", "v2-GSA"),
	NTS(52, "IKEv2 Key Download", "v2_kd", "v2-KD"),
	NTS(53, "IKEv2 Encrypted and Authenticated Fragment", "v2_skf",
	    "v2-SKF"),
	NTS(130, "NAT Discovery (draft)", "nat_d", "NAT-D"),
	NTS(131, "NAT Original Address (draft)", "nat_oa", "NAT-OA"),
	NTS(132, "IKE Fragment (Cisco)", "frag", "FRAG"),
};
static const struct rng payload_r[] = {
	{ 23, 32, UNASSIGNED },
	{ 54, 127, UNASSIGNED },
	{ 128, 255, PRIVATE },
};

/* ---- exchange types: RFC 2408 3.1, RFC 2409 App. A, IKEv2 ---- */
static const struct ent exchange_e[] = {
	N(0, "None"),
	NTS(1, "Base", "base", "Base"),
	NTS(2, "Identity Protection (Main Mode)", "main", "Main"),
	NTS(3, "Authentication Only", "auth_only", "AuthOnly"),
	NTS(4, "Aggressive", "aggressive", "Aggr"),
	NTS(5, "Informational", "informational", "Info"),
	NTS(6, "Transaction (Mode-Config)", "transaction", "Txn"),
	NTS(32, "Quick Mode", "quick", "Quick"),
	NTS(33, "New Group Mode", "new_group", "NewGrp"),
	NTS(34, "IKE_SA_INIT", "ike_sa_init", "SA_INIT"),
	NTS(35, "IKE_AUTH", "ike_auth", "AUTH"),
	NTS(36, "CREATE_CHILD_SA", "create_child_sa", "CHILD_SA"),
	NTS(37, "INFORMATIONAL", "ikev2_informational", "INFORMATIONAL"),
	NTS(38, "IKE_SESSION_RESUME", "ike_session_resume", "RESUME"),
	NTS(43, "IKE_INTERMEDIATE", "ike_intermediate", "INTERMEDIATE"),
	NTS(44, "IKE_FOLLOWUP_KE", "ike_followup_ke", "FOLLOWUP_KE"),
};
static const struct rng exchange_r[] = {
	{ 7, 31, "ISAKMP future use" },
	{ 32, 239, "DOI specific" },
	{ 240, 255, PRIVATE },
};

/* ---- DOI: RFC 2408 3.4, 2407, 6407 ---- */
static const struct ent doi_e[] = {
	NT(0, "ISAKMP", "isakmp"),
	NT(1, "IPsec", "ipsec"),
	NT(2, "GDOI", "gdoi"),
};

/* ---- IPsec DOI situation bits: RFC 2407 4.2 ---- */
static const struct ent sit_e[] = {
	NT(0x01, "SIT_IDENTITY_ONLY", "identity_only"),
	NT(0x02, "SIT_SECRECY", "secrecy"),
	NT(0x04, "SIT_INTEGRITY", "integrity"),
};

/* ---- security protocol ids: RFC 2407 4.4.1, RFC 4705 ---- */
static const struct ent proto_e[] = {
	NTS(1, "PROTO_ISAKMP", "isakmp", "ISAKMP"),
	NTS(2, "PROTO_IPSEC_AH", "ah", "AH"),
	NTS(3, "PROTO_IPSEC_ESP", "esp", "ESP"),
	NTS(4, "PROTO_IPCOMP", "ipcomp", "IPCOMP"),
	NTS(5, "PROTO_GIGABEAM_RADIO", "gigabeam_radio", "GIGABEAM"),
};
static const struct rng proto_r[] = {
	{ 0, 0, RESERVED },
	{ 6, 248, UNASSIGNED },
	{ 249, 255, PRIVATE },
};

/* ---- ISAKMP transform ids: RFC 2407 4.4.2 ---- */
static const struct ent xf_isakmp_e[] = {
	NTS(1, "KEY_IKE", "key_ike", "IKE"),
};
static const struct rng xf8_r[] = {
	{ 0, 0, RESERVED },
	{ 249, 255, PRIVATE },
};

/* ---- AH transform ids: RFC 2407 4.4.3, 2857, 3566, 4359, 4543 ---- */
static const struct ent xf_ah_e[] = {
	NT(2, "MD5", "md5"),
	NT(3, "SHA", "sha1"),
	NT(4, "DES", "des"),
	NT(5, "SHA2-256", "sha2_256"),
	NT(6, "SHA2-384", "sha2_384"),
	NT(7, "SHA2-512", "sha2_512"),
	NT(8, "RIPEMD", "ripemd"),
	NT(9, "AES-XCBC-MAC", "aes_xcbc_mac"),
	NT(10, "RSA", "rsa"),
	NT(11, "AES-128-GMAC", "aes_128_gmac"),
	NT(12, "AES-192-GMAC", "aes_192_gmac"),
	NT(13, "AES-256-GMAC", "aes_256_gmac"),
};
static const struct rng xf_ah_r[] = {
	{ 0, 1, RESERVED },
	{ 14, 248, UNASSIGNED },
	{ 249, 255, PRIVATE },
};

/*
 * ---- ESP transform ids: RFC 2407 4.4.4, 3686, 4106, 4196, 4309, 4312,
 * 4543.  The IANA registry was closed by RFC 9395 with 23 the last
 * assignment; ChaCha20-Poly1305 (RFC 7634) exists for IKEv2 only. ----
 */
static const struct ent xf_esp_e[] = {
	NT(1, "DES-IV64", "des_iv64"),
	NT(2, "DES", "des"),
	NT(3, "3DES", "3des"),
	NT(4, "RC5", "rc5"),
	NT(5, "IDEA", "idea"),
	NT(6, "CAST", "cast"),
	NT(7, "BLOWFISH", "blowfish"),
	NT(8, "3IDEA", "3idea"),
	NT(9, "DES-IV32", "des_iv32"),
	NT(10, "RC4", "rc4"),
	NT(11, "NULL", "null"),
	NT(12, "AES-CBC", "aes_cbc"),
	NT(13, "AES-CTR", "aes_ctr"),
	NT(14, "AES-CCM-8", "aes_ccm_8"),
	NT(15, "AES-CCM-12", "aes_ccm_12"),
	NT(16, "AES-CCM-16", "aes_ccm_16"),
	NT(18, "AES-GCM-8", "aes_gcm_8"),
	NT(19, "AES-GCM-12", "aes_gcm_12"),
	NT(20, "AES-GCM-16", "aes_gcm_16"),
	NT(21, "SEED-CBC", "seed_cbc"),
	NT(22, "CAMELLIA", "camellia_cbc"),
	NT(23, "NULL-AUTH-AES-GMAC", "null_auth_aes_gmac"),
};
static const struct rng xf_esp_r[] = {
	{ 0, 0, RESERVED },
	{ 17, 17, UNASSIGNED },
	{ 24, 248, UNASSIGNED },
	{ 249, 255, PRIVATE },
};

/* ---- IPCOMP transform ids: RFC 2407 4.4.5, RFC 3051 ---- */
static const struct ent xf_ipcomp_e[] = {
	NT(1, "OUI", "oui"),
	NT(2, "DEFLATE", "deflate"),
	NT(3, "LZS", "lzs"),
	NT(4, "LZJH", "lzjh"),
};
static const struct rng xf_ipcomp_r[] = {
	{ 0, 0, RESERVED },
	{ 5, 47, UNASSIGNED },
	{ 48, 63, PRIVATE },
	{ 64, 255, UNASSIGNED },
};

/* ---- phase-1 attribute classes: RFC 2409 App. A, IANA ---- */
static const struct ent oakley_attr_e[] = {
	A(1, "Encryption Algorithm", "enc", TV, REG_OAKLEY_ENC),
	A(2, "Hash Algorithm", "hash", TV, REG_OAKLEY_HASH),
	A(3, "Authentication Method", "auth", TV, REG_OAKLEY_AUTH),
	A(4, "Group Description", "group", TV, REG_OAKLEY_GROUP),
	A(5, "Group Type", "group_type", TV, REG_OAKLEY_GROUP_TYPE),
	A(6, "Group Prime/Irreducible Polynomial", "group_prime", TLV,
	    NOREG),
	A(7, "Group Generator One", "group_gen_one", TLV, NOREG),
	A(8, "Group Generator Two", "group_gen_two", TLV, NOREG),
	A(9, "Group Curve A", "group_curve_a", TLV, NOREG),
	A(10, "Group Curve B", "group_curve_b", TLV, NOREG),
	A(11, "Life Type", "life_type", TV, REG_OAKLEY_LIFE),
	A(12, "Life Duration", "life_duration", TLV, NOREG),
	A(13, "PRF", "prf", TV, REG_OAKLEY_PRF),
	A(14, "Key Length", "key_length", TV, NOREG),
	A(15, "Field Size", "field_size", TV, NOREG),
	A(16, "Group Order", "group_order", TLV, NOREG),
	A(17, "Block Size", "block_size", TV, NOREG),
	A(20, "Asymmetric Cryptographic Algorithm Type", "asym_alg_type", TV,
	    REG_OAKLEY_ASYM),
};
static const struct rng oakley_attr_r[] = {
	{ 0, 0, RESERVED },
	{ 18, 19, UNASSIGNED },
	{ 21, 16383, UNASSIGNED },
	{ 16384, 32767, PRIVATE },
};

/* 16-bit value registries with 65001-65535 private (RFC 2409 App. A) */
static const struct rng oakley16_r[] = {
	{ 0, 0, RESERVED },
	{ 65001, 65535, PRIVATE },
};

/* ---- class 1: encryption algorithm ---- */
static const struct ent oakley_enc_e[] = {
	NTS(1, "DES-CBC", "des_cbc", "DES"),
	NTS(2, "IDEA-CBC", "idea_cbc", "IDEA"),
	NTS(3, "Blowfish-CBC", "blowfish_cbc", "Blowfish"),
	NTS(4, "RC5-R16-B64-CBC", "rc5_r16_b64_cbc", "RC5"),
	NTS(5, "3DES-CBC", "3des_cbc", "3DES"),
	NTS(6, "CAST-CBC", "cast_cbc", "CAST"),
	NTS(7, "AES-CBC", "aes_cbc", "AES"),
	NTS(8, "CAMELLIA-CBC", "camellia_cbc", "Camellia"),
	NTS(127, "SM4-CBC (deprecated value)", "sm4_cbc_old", "SM4"),
	NTS(128, "SM1-CBC", "sm1_cbc", "SM1"),
	NTS(129, "SM4-CBC", "sm4_cbc", "SM4"),
};

/* ---- class 2: hash algorithm ---- */
static const struct ent oakley_hash_e[] = {
	NTS(1, "MD5", "md5", "MD5"),
	NTS(2, "SHA", "sha1", "SHA1"),
	NTS(3, "Tiger", "tiger", "Tiger"),
	NTS(4, "SHA2-256", "sha2_256", "SHA256"),
	NTS(5, "SHA2-384", "sha2_384", "SHA384"),
	NTS(6, "SHA2-512", "sha2_512", "SHA512"),
	NTS(20, "SM3", "sm3", "SM3"),
};

/*
 * ---- class 3: authentication method.  RFC 2409, RFC 4754 (ECDSA),
 * draft-ietf-ipsec-isakmp-hybrid-auth (642xx), draft-ietf-ipsec-isakmp-xauth
 * (650xx; 65001 was also used by a GSS-API draft). ----
 */
static const struct ent oakley_auth_e[] = {
	NTS(1, "Pre-Shared Key", "psk", "PSK"),
	NTS(2, "DSS Signatures", "dss_sig", "DSS"),
	NTS(3, "RSA Signatures", "rsa_sig", "RSA-SIG"),
	NTS(4, "Encryption with RSA", "rsa_enc", "RSA-ENC"),
	NTS(5, "Revised Encryption with RSA", "rsa_enc_rev", "RSA-ENC-REV"),
	NTS(6, "Encryption with El-Gamal (withdrawn)", "elgamal_enc",
	    "ELG-ENC"),
	NTS(7, "Revised Encryption with El-Gamal (withdrawn)",
	    "elgamal_enc_rev", "ELG-ENC-REV"),
	NTS(8, "ECDSA Signatures (withdrawn)", "ecdsa_sig_old", "ECDSA"),
	NTS(9, "ECDSA with SHA-256 on the P-256 curve", "ecdsa_sig",
	    "ECDSA-256"),
	NTS(10, "ECDSA with SHA-384 on the P-384 curve", "ecdsa_sig",
	    "ECDSA-384"),
	NTS(11, "ECDSA with SHA-512 on the P-521 curve", "ecdsa_sig",
	    "ECDSA-521"),
	NTS(64221, "HybridInitRSA", "hybrid_rsa", "HYBRID-RSA"),
	NTS(64222, "HybridRespRSA", "hybrid_resp_rsa", "HYBRID-RSA-R"),
	NTS(64223, "HybridInitDSS", "hybrid_dss", "HYBRID-DSS"),
	NTS(64224, "HybridRespDSS", "hybrid_resp_dss", "HYBRID-DSS-R"),
	NTS(65001, "XAUTHInitPreShared", "xauth_psk", "XAUTH-PSK"),
	NTS(65002, "XAUTHRespPreShared", "xauth_resp_psk", "XAUTH-PSK-R"),
	NTS(65003, "XAUTHInitDSS", "xauth_dss_sig", "XAUTH-DSS"),
	NTS(65004, "XAUTHRespDSS", "xauth_resp_dss_sig", "XAUTH-DSS-R"),
	NTS(65005, "XAUTHInitRSA", "xauth_rsa_sig", "XAUTH-RSA"),
	NTS(65006, "XAUTHRespRSA", "xauth_resp_rsa_sig", "XAUTH-RSA-R"),
	NTS(65007, "XAUTHInitRSAEncryption", "xauth_rsa_enc",
	    "XAUTH-RSA-ENC"),
	NTS(65008, "XAUTHRespRSAEncryption", "xauth_resp_rsa_enc",
	    "XAUTH-RSA-ENC-R"),
	NTS(65009, "XAUTHInitRSARevisedEncryption", "xauth_rsa_enc_rev",
	    "XAUTH-RSA-REV"),
	NTS(65010, "XAUTHRespRSARevisedEncryption", "xauth_resp_rsa_enc_rev",
	    "XAUTH-RSA-REV-R"),
};

/*
 * ---- class 4: group description (IANA names; 1-2 RFC 2409, 3-4 RFC 2409
 * EC2N, 5 and 14-18 RFC 3526, 6-13 draft-ietf-ipsec-ike-ecc-groups,
 * 19-21 RFC 5903, 22-26 RFC 5114, 27-30 RFC 6932, 31-32 RFC 8031,
 * 33-34 RFC 9385; 31 and up were assigned in the shared IKEv2 space) ----
 */
static const struct ent oakley_group_e[] = {
	NTS(1, "Default 768-bit MODP group", "modp768", "MODP768"),
	NTS(2, "Alternate 1024-bit MODP group", "modp1024", "MODP1024"),
	NTS(3, "EC2N group on GP[2^155]", "ec2n155", "EC2N155"),
	NTS(4, "EC2N group on GP[2^185]", "ec2n185", "EC2N185"),
	NTS(5, "1536-bit MODP group", "modp1536", "MODP1536"),
	NTS(6, "EC2N group over GF[2^163] (6)", "ec2n163_6", "EC2N163"),
	NTS(7, "EC2N group over GF[2^163] (7)", "ec2n163_7", "EC2N163"),
	NTS(8, "EC2N group over GF[2^283] (8)", "ec2n283_8", "EC2N283"),
	NTS(9, "EC2N group over GF[2^283] (9)", "ec2n283_9", "EC2N283"),
	NTS(10, "EC2N group over GF[2^409] (10)", "ec2n409_10", "EC2N409"),
	NTS(11, "EC2N group over GF[2^409] (11)", "ec2n409_11", "EC2N409"),
	NTS(12, "EC2N group over GF[2^571] (12)", "ec2n571_12", "EC2N571"),
	NTS(13, "EC2N group over GF[2^571] (13)", "ec2n571_13", "EC2N571"),
	NTS(14, "2048-bit MODP group", "modp2048", "MODP2048"),
	NTS(15, "3072-bit MODP group", "modp3072", "MODP3072"),
	NTS(16, "4096-bit MODP group", "modp4096", "MODP4096"),
	NTS(17, "6144-bit MODP group", "modp6144", "MODP6144"),
	NTS(18, "8192-bit MODP group", "modp8192", "MODP8192"),
	NTS(19, "256-bit random ECP group", "ecp256", "ECP256"),
	NTS(20, "384-bit random ECP group", "ecp384", "ECP384"),
	NTS(21, "521-bit random ECP group", "ecp521", "ECP521"),
	NTS(22, "1024-bit MODP Group with 160-bit Prime Order Subgroup",
	    "modp1024s160", "MODP1024S160"),
	NTS(23, "2048-bit MODP Group with 224-bit Prime Order Subgroup",
	    "modp2048s224", "MODP2048S224"),
	NTS(24, "2048-bit MODP Group with 256-bit Prime Order Subgroup",
	    "modp2048s256", "MODP2048S256"),
	NTS(25, "192-bit Random ECP Group", "ecp192", "ECP192"),
	NTS(26, "224-bit Random ECP Group", "ecp224", "ECP224"),
	NTS(27, "224-bit Brainpool ECP group", "ecp224bp", "BP224"),
	NTS(28, "256-bit Brainpool ECP group", "ecp256bp", "BP256"),
	NTS(29, "384-bit Brainpool ECP group", "ecp384bp", "BP384"),
	NTS(30, "512-bit Brainpool ECP group", "ecp512bp", "BP512"),
	NTS(31, "Curve25519", "curve25519", "Curve25519"),
	NTS(32, "Curve448", "curve448", "Curve448"),
	NTS(33, "GOST3410_2012_256", "gost3410_2012_256", "GOST256"),
	NTS(34, "GOST3410_2012_512", "gost3410_2012_512", "GOST512"),
};
static const struct rng oakley_group_r[] = {
	{ 0, 0, RESERVED },
	{ 35, 32767, UNASSIGNED },
	{ 32768, 65535, PRIVATE },
};

/* ---- class 5: group type ---- */
static const struct ent oakley_gtype_e[] = {
	NT(1, "MODP", "modp"),
	NT(2, "ECP", "ecp"),
	NT(3, "EC2N", "ec2n"),
};
static const struct rng oakley_gtype_r[] = {
	{ 0, 0, RESERVED },
	{ 4, 65000, UNASSIGNED },
	{ 65001, 65535, PRIVATE },
};

/* ---- class 11: life type; IPsec attr 1 is the same pair ---- */
static const struct ent life_e[] = {
	NT(1, "Seconds", "seconds"),
	NT(2, "Kilobytes", "kilobytes"),
};
static const struct rng life_r[] = {
	{ 0, 0, RESERVED },
	{ 3, 65000, UNASSIGNED },
	{ 65001, 65535, PRIVATE },
};
static const struct rng ipsec_life_r[] = {
	{ 0, 0, RESERVED },
	{ 3, 61439, UNASSIGNED },
	{ 61440, 65535, PRIVATE },
};

/* ---- class 13: PRF (no values were ever assigned) ---- */
static const struct rng oakley_prf_r[] = {
	{ 0, 0, RESERVED },
	{ 1, 65000, UNASSIGNED },
	{ 65001, 65535, PRIVATE },
};

/* ---- class 20: asymmetric cryptographic algorithm type ---- */
static const struct ent oakley_asym_e[] = {
	NT(1, "RSA", "rsa"),
	NT(2, "SM2", "sm2"),
};

/*
 * ---- IPsec DOI SA attributes: RFC 2407 4.5, 3168 (10), 4304 (11),
 * 4359 (12, 13), 6407 (14, 15) ----
 */
static const struct ent ipsec_attr_e[] = {
	A(1, "SA Life Type", "life_type", TV, REG_IPSEC_LIFE),
	A(2, "SA Life Duration", "life_duration", TLV, NOREG),
	A(3, "Group Description", "group", TV, REG_OAKLEY_GROUP),
	A(4, "Encapsulation Mode", "encap", TV, REG_IPSEC_ENCAP),
	A(5, "Authentication Algorithm", "auth", TV, REG_IPSEC_AUTH),
	A(6, "Key Length", "key_length", TV, NOREG),
	A(7, "Key Rounds", "key_rounds", TV, NOREG),
	A(8, "Compress Dictionary Size", "comp_dict_size", TV, NOREG),
	A(9, "Compress Private Algorithm", "comp_private_alg", TLV, NOREG),
	A(10, "ECN Tunnel", "ecn_tunnel", TV, REG_IPSEC_ECN),
	A(11, "Extended (64-bit) Sequence Number", "esn", TV, REG_IPSEC_ESN),
	A(12, "Authentication Key Length", "auth_key_length", TV, NOREG),
	A(13, "Signature Encoding Algorithm", "sig_enc_alg", TV,
	    REG_IPSEC_SIG_ENC),
	A(14, "Address Preservation", "addr_preservation", TV,
	    REG_IPSEC_ADDR_PRES),
	A(15, "SA Direction", "sa_direction", TV, REG_IPSEC_SA_DIR),
};
static const struct rng ipsec_attr_r[] = {
	{ 0, 0, RESERVED },
	{ 16, 32000, UNASSIGNED },
	{ 32001, 32767, PRIVATE },
};

/* ---- attr 4: encapsulation mode; RFC 2407, 3947, NAT-T drafts ---- */
static const struct ent ipsec_encap_e[] = {
	NTS(1, "Tunnel", "tunnel", "tunnel"),
	NTS(2, "Transport", "transport", "transport"),
	NTS(3, "UDP-Encapsulated-Tunnel", "udp_tunnel", "udp-tunnel"),
	NTS(4, "UDP-Encapsulated-Transport", "udp_transport",
	    "udp-transport"),
	NTS(61443, "UDP-Encapsulated-Tunnel (draft)", "udp_tunnel_draft",
	    "udp-tunnel"),
	NTS(61444, "UDP-Encapsulated-Transport (draft)",
	    "udp_transport_draft", "udp-transport"),
};

/* ---- attr 5: authentication algorithm ---- */
static const struct ent ipsec_auth_e[] = {
	NT(1, "HMAC-MD5", "hmac_md5"),
	NT(2, "HMAC-SHA", "hmac_sha1"),
	NT(3, "DES-MAC", "des_mac"),
	NT(4, "KPDK", "kpdk"),
	NT(5, "HMAC-SHA2-256", "hmac_sha2_256"),
	NT(6, "HMAC-SHA2-384", "hmac_sha2_384"),
	NT(7, "HMAC-SHA2-512", "hmac_sha2_512"),
	NT(8, "HMAC-RIPEMD", "hmac_ripemd"),
	NT(9, "AES-XCBC-MAC", "aes_xcbc_mac"),
	NT(10, "SIG-RSA", "sig_rsa"),
	NT(11, "AES-128-GMAC", "aes_128_gmac"),
	NT(12, "AES-192-GMAC", "aes_192_gmac"),
	NT(13, "AES-256-GMAC", "aes_256_gmac"),
};

/* ---- attr 10: ECN tunnel (RFC 3168 9.2.1) ---- */
static const struct ent ipsec_ecn_e[] = {
	NT(1, "Allowed", "allowed"),
	NT(2, "Forbidden", "forbidden"),
};

/* ---- attr 11: ESN (RFC 4304) ---- */
static const struct ent ipsec_esn_e[] = {
	NT(1, "64-bit Sequence Number", "esn64"),
};

/* ---- attr 13: signature encoding (RFC 4359) ---- */
static const struct ent ipsec_sigenc_e[] = {
	NT(1, "RSASSA-PKCS1-v1_5", "rsassa_pkcs1_v1_5"),
	NT(2, "RSASSA-PSS", "rsassa_pss"),
};

/* ---- attr 14: address preservation (RFC 6407) ---- */
static const struct ent ipsec_addrpres_e[] = {
	NT(1, "None", "none"),
	NT(2, "Source-Only", "source_only"),
	NT(3, "Destination-Only", "destination_only"),
	NT(4, "Source-and-Destination", "source_and_destination"),
};

/* ---- attr 15: SA direction (RFC 6407) ---- */
static const struct ent ipsec_sadir_e[] = {
	NT(1, "Sender-Only", "sender_only"),
	NT(2, "Receiver-Only", "receiver_only"),
	NT(3, "Symmetric", "symmetric"),
};

/* ---- identification types: RFC 2407 4.6.2.1, RFC 3554 (12) ---- */
static const struct ent id_e[] = {
	NT(1, "IPV4_ADDR", "ipv4_addr"),
	NT(2, "FQDN", "fqdn"),
	NT(3, "USER_FQDN", "user_fqdn"),
	NT(4, "IPV4_ADDR_SUBNET", "ipv4_addr_subnet"),
	NT(5, "IPV6_ADDR", "ipv6_addr"),
	NT(6, "IPV6_ADDR_SUBNET", "ipv6_addr_subnet"),
	NT(7, "IPV4_ADDR_RANGE", "ipv4_addr_range"),
	NT(8, "IPV6_ADDR_RANGE", "ipv6_addr_range"),
	NT(9, "DER_ASN1_DN", "der_asn1_dn"),
	NT(10, "DER_ASN1_GN", "der_asn1_gn"),
	NT(11, "KEY_ID", "key_id"),
	NT(12, "LIST", "list"),
};
static const struct rng id_r[] = {
	{ 0, 0, RESERVED },
	{ 13, 248, UNASSIGNED },
	{ 249, 255, PRIVATE },
};

/*
 * ---- certificate encodings: RFC 2408 3.9 (0-10); 11-14 are the IKEv2
 * values (RFC 7296, 4806), seen from some IKEv1 stacks ----
 */
static const struct ent cert_e[] = {
	NT(0, "NONE", "none"),
	NT(1, "PKCS #7 wrapped X.509 certificate", "pkcs7"),
	NT(2, "PGP Certificate", "pgp"),
	NT(3, "DNS Signed Key", "dns_key"),
	NT(4, "X.509 Certificate - Signature", "x509_sig"),
	NT(5, "X.509 Certificate - Key Exchange", "x509_kex"),
	NT(6, "Kerberos Tokens", "kerberos"),
	NT(7, "Certificate Revocation List (CRL)", "crl"),
	NT(8, "Authority Revocation List (ARL)", "arl"),
	NT(9, "SPKI Certificate", "spki"),
	NT(10, "X.509 Certificate - Attribute", "x509_attr"),
	NT(11, "Raw RSA Key (IKEv2 value)", "raw_rsa"),
	NT(12, "Hash and URL of X.509 certificate (IKEv2 value)",
	    "x509_cert_url"),
	NT(13, "Hash and URL of X.509 bundle (IKEv2 value)",
	    "x509_bundle_url"),
	NT(14, "OCSP Content (IKEv2 value)", "ocsp"),
};
static const struct rng cert_r[] = {
	{ 15, 200, RESERVED },
	{ 201, 255, PRIVATE },
};

/*
 * ---- notify message types: RFC 2408 3.14.1 (errors 1-30, CONNECTED),
 * RFC 2407 4.6.3 (24576-24578), RFC 3706 (DPD), Cisco Unity values as
 * racoon/libreswan/Wireshark name them ----
 */
static const struct ent notify_e[] = {
	N(1, "INVALID-PAYLOAD-TYPE"),
	N(2, "DOI-NOT-SUPPORTED"),
	N(3, "SITUATION-NOT-SUPPORTED"),
	N(4, "INVALID-COOKIE"),
	N(5, "INVALID-MAJOR-VERSION"),
	N(6, "INVALID-MINOR-VERSION"),
	N(7, "INVALID-EXCHANGE-TYPE"),
	N(8, "INVALID-FLAGS"),
	N(9, "INVALID-MESSAGE-ID"),
	N(10, "INVALID-PROTOCOL-ID"),
	N(11, "INVALID-SPI"),
	N(12, "INVALID-TRANSFORM-ID"),
	N(13, "ATTRIBUTES-NOT-SUPPORTED"),
	N(14, "NO-PROPOSAL-CHOSEN"),
	N(15, "BAD-PROPOSAL-SYNTAX"),
	N(16, "PAYLOAD-MALFORMED"),
	N(17, "INVALID-KEY-INFORMATION"),
	N(18, "INVALID-ID-INFORMATION"),
	N(19, "INVALID-CERT-ENCODING"),
	N(20, "INVALID-CERTIFICATE"),
	N(21, "CERT-TYPE-UNSUPPORTED"),
	N(22, "INVALID-CERT-AUTHORITY"),
	N(23, "INVALID-HASH-INFORMATION"),
	N(24, "AUTHENTICATION-FAILED"),
	N(25, "INVALID-SIGNATURE"),
	N(26, "ADDRESS-NOTIFICATION"),
	N(27, "NOTIFY-SA-LIFETIME"),
	N(28, "CERTIFICATE-UNAVAILABLE"),
	N(29, "UNSUPPORTED-EXCHANGE-TYPE"),
	N(30, "UNEQUAL-PAYLOAD-LENGTHS"),
	N(16384, "CONNECTED"),
	N(24576, "RESPONDER-LIFETIME"),
	N(24577, "REPLAY-STATUS"),
	N(24578, "INITIAL-CONTACT"),
	N(36136, "R-U-THERE"),
	N(36137, "R-U-THERE-ACK"),
	N(40500, "UNITY-HEARTBEAT"),
	N(40501, "UNITY-LOAD-BALANCE"),
	N(40503, "UNITY-GROUP-HASH"),
};
static const struct rng notify_r[] = {
	{ 0, 0, RESERVED },
	{ 31, 8191, "reserved error" },
	{ 8192, 16383, "private use error" },
	{ 16385, 24575, "reserved status" },
	{ 24576, 32767, "DOI-specific status" },
	{ 32768, 40959, "private use status" },
	{ 40960, 65535, "reserved status" },
};

/*
 * ---- Mode-Config / XAUTH / vendor attribute types:
 * draft-dukes-ike-mode-cfg (1-15), draft-ietf-ipsec-isakmp-xauth
 * (16520-16529), Microsoft (23456-23457), Cisco Unity (28672-28682),
 * Check Point (16387-16389) ----
 */
static const struct ent cfg_attr_e[] = {
	A(1, "INTERNAL_IP4_ADDRESS", "internal_ip4_address", TLV, NOREG),
	A(2, "INTERNAL_IP4_NETMASK", "internal_ip4_netmask", TLV, NOREG),
	A(3, "INTERNAL_IP4_DNS", "internal_ip4_dns", TLV, NOREG),
	A(4, "INTERNAL_IP4_NBNS", "internal_ip4_nbns", TLV, NOREG),
	A(5, "INTERNAL_ADDRESS_EXPIRY", "internal_address_expiry", TLV,
	    NOREG),
	A(6, "INTERNAL_IP4_DHCP", "internal_ip4_dhcp", TLV, NOREG),
	A(7, "APPLICATION_VERSION", "application_version", TLV, NOREG),
	A(8, "INTERNAL_IP6_ADDRESS", "internal_ip6_address", TLV, NOREG),
	A(9, "INTERNAL_IP6_NETMASK", "internal_ip6_netmask", TLV, NOREG),
	A(10, "INTERNAL_IP6_DNS", "internal_ip6_dns", TLV, NOREG),
	A(11, "INTERNAL_IP6_NBNS", "internal_ip6_nbns", TLV, NOREG),
	A(12, "INTERNAL_IP6_DHCP", "internal_ip6_dhcp", TLV, NOREG),
	A(13, "INTERNAL_IP4_SUBNET", "internal_ip4_subnet", TLV, NOREG),
	A(14, "SUPPORTED_ATTRIBUTES", "supported_attributes", TLV, NOREG),
	A(15, "INTERNAL_IP6_SUBNET", "internal_ip6_subnet", TLV, NOREG),
	A(16387, "CHKPT_DEF_DOMAIN", "chkpt_def_domain", TLV, NOREG),
	A(16388, "CHKPT_MAC_ADDRESS", "chkpt_mac_address", TLV, NOREG),
	A(16389, "CHKPT_MARCIPAN_REASON_CODE", "chkpt_marcipan_reason_code",
	    -1, NOREG),
	A(16520, "XAUTH-TYPE", "xauth_type", TV, REG_XAUTH_TYPE),
	A(16521, "XAUTH-USER-NAME", "xauth_user_name", TLV, NOREG),
	A(16522, "XAUTH-USER-PASSWORD", "xauth_user_password", TLV, NOREG),
	A(16523, "XAUTH-PASSCODE", "xauth_passcode", TLV, NOREG),
	A(16524, "XAUTH-MESSAGE", "xauth_message", TLV, NOREG),
	A(16525, "XAUTH-CHALLENGE", "xauth_challenge", TLV, NOREG),
	A(16526, "XAUTH-DOMAIN", "xauth_domain", TLV, NOREG),
	A(16527, "XAUTH-STATUS", "xauth_status", TV, REG_XAUTH_STATUS),
	A(16528, "XAUTH-NEXT-PIN", "xauth_next_pin", TLV, NOREG),
	A(16529, "XAUTH-ANSWER", "xauth_answer", TLV, NOREG),
	A(23456, "INTERNAL_IP4_SERVER", "internal_ip4_server", TLV, NOREG),
	A(23457, "INTERNAL_IP6_SERVER", "internal_ip6_server", TLV, NOREG),
	A(28672, "UNITY_BANNER", "unity_banner", TLV, NOREG),
	A(28673, "UNITY_SAVE_PASSWD", "unity_save_passwd", TV, NOREG),
	A(28674, "UNITY_DEF_DOMAIN", "unity_def_domain", TLV, NOREG),
	A(28675, "UNITY_SPLITDNS_NAME", "unity_splitdns_name", TLV, NOREG),
	A(28676, "UNITY_SPLIT_INCLUDE", "unity_split_include", TLV, NOREG),
	A(28677, "UNITY_NATT_PORT", "unity_natt_port", TV, NOREG),
	A(28678, "UNITY_LOCAL_LAN", "unity_local_lan", TLV, NOREG),
	A(28679, "UNITY_PFS", "unity_pfs", TV, NOREG),
	A(28680, "UNITY_FW_TYPE", "unity_fw_type", TLV, NOREG),
	A(28681, "UNITY_BACKUP_SERVERS", "unity_backup_servers", TLV, NOREG),
	A(28682, "UNITY_DDNS_HOSTNAME", "unity_ddns_hostname", TLV, NOREG),
};
static const struct rng cfg_attr_r[] = {
	{ 0, 0, RESERVED },
	{ 16, 16383, UNASSIGNED },
	{ 16384, 32767, PRIVATE },
};

/* ---- Mode-Config message types (draft-dukes-ike-mode-cfg 3.2) ---- */
static const struct ent cfg_type_e[] = {
	NTS(1, "ISAKMP_CFG_REQUEST", "request", "REQUEST"),
	NTS(2, "ISAKMP_CFG_REPLY", "reply", "REPLY"),
	NTS(3, "ISAKMP_CFG_SET", "set", "SET"),
	NTS(4, "ISAKMP_CFG_ACK", "ack", "ACK"),
};
static const struct rng cfg_type_r[] = {
	{ 0, 0, RESERVED },
	{ 5, 127, UNASSIGNED },
	{ 128, 255, PRIVATE },
};

/* ---- XAUTH-TYPE / XAUTH-STATUS values (xauth draft 6.2) ---- */
static const struct ent xauth_type_e[] = {
	NT(0, "Generic", "generic"),
	NT(1, "RADIUS-CHAP", "radius_chap"),
	NT(2, "OTP", "otp"),
	NT(3, "S/KEY", "skey"),
};
static const struct rng xauth_type_r[] = {
	{ 4, 32767, UNASSIGNED },
	{ 32768, 65535, PRIVATE },
};
static const struct ent xauth_status_e[] = {
	NT(0, "FAIL", "fail"),
	NT(1, "OK", "ok"),
};

/* ---- ISAKMP header flag bits (RFC 2408 3.1; 0x08-0x20 are IKEv2) ---- */
static const struct ent isakmp_flags_e[] = {
	NTS(0x01, "Encryption", "encryption", "E"),
	NTS(0x02, "Commit", "commit", "C"),
	NTS(0x04, "Authentication Only", "auth_only", "A"),
	NTS(0x08, "Initiator (IKEv2)", "initiator", "I"),
	NTS(0x10, "Version (IKEv2)", "version", "V"),
	NTS(0x20, "Response (IKEv2)", "response", "R"),
};

/* ---- Cisco IKE fragmentation payload flag bits ---- */
static const struct ent frag_flags_e[] = {
	NTS(0x01, "Last Fragment", "last", "LAST"),
};

#define REG(lbl, e, r)	{ (lbl), (e), NELEM(e), (r), NELEM(r) }
#define REGE(lbl, e)	{ (lbl), (e), NELEM(e), NULL, 0 }
#define REGR(lbl, r)	{ (lbl), NULL, 0, (r), NELEM(r) }

static const struct reg regs[REG__COUNT] = {
	[REG_PAYLOAD] = REG("payload type", payload_e, payload_r),
	[REG_EXCHANGE] = REG("exchange type", exchange_e, exchange_r),
	[REG_DOI] = REGE("DOI", doi_e),
	[REG_PROTO] = REG("protocol id", proto_e, proto_r),
	[REG_XFORM_ISAKMP] = REG("ISAKMP transform id", xf_isakmp_e, xf8_r),
	[REG_XFORM_AH] = REG("AH transform id", xf_ah_e, xf_ah_r),
	[REG_XFORM_ESP] = REG("ESP transform id", xf_esp_e, xf_esp_r),
	[REG_XFORM_IPCOMP] = REG("IPCOMP transform id", xf_ipcomp_e,
	    xf_ipcomp_r),
	[REG_OAKLEY_ATTR] = REG("IKE attribute type", oakley_attr_e,
	    oakley_attr_r),
	[REG_OAKLEY_ENC] = REG("IKE encryption algorithm", oakley_enc_e,
	    oakley16_r),
	[REG_OAKLEY_HASH] = REG("IKE hash algorithm", oakley_hash_e,
	    oakley16_r),
	[REG_OAKLEY_AUTH] = REG("IKE authentication method", oakley_auth_e,
	    oakley16_r),
	[REG_OAKLEY_GROUP] = REG("group description", oakley_group_e,
	    oakley_group_r),
	[REG_OAKLEY_GROUP_TYPE] = REG("group type", oakley_gtype_e,
	    oakley_gtype_r),
	[REG_OAKLEY_LIFE] = REG("IKE life type", life_e, life_r),
	[REG_OAKLEY_PRF] = REGR("IKE PRF", oakley_prf_r),
	[REG_IPSEC_ATTR] = REG("IPsec attribute type", ipsec_attr_e,
	    ipsec_attr_r),
	[REG_IPSEC_ENCAP] = REG("encapsulation mode", ipsec_encap_e,
	    ipsec_life_r),
	[REG_IPSEC_AUTH] = REG("IPsec authentication algorithm",
	    ipsec_auth_e, ipsec_life_r),
	[REG_IPSEC_LIFE] = REG("IPsec life type", life_e, ipsec_life_r),
	[REG_IPSEC_ECN] = REG("ECN tunnel value", ipsec_ecn_e, ipsec_life_r),
	[REG_ID] = REG("identification type", id_e, id_r),
	[REG_CERT] = REG("certificate encoding", cert_e, cert_r),
	[REG_NOTIFY] = REG("notify type", notify_e, notify_r),
	[REG_CFG_ATTR] = REG("configuration attribute type", cfg_attr_e,
	    cfg_attr_r),
	[REG_CFG_TYPE] = REG("configuration message type", cfg_type_e,
	    cfg_type_r),
	[REG_XAUTH_TYPE] = REG("XAUTH type", xauth_type_e, xauth_type_r),
	[REG_XAUTH_STATUS] = REGE("XAUTH status", xauth_status_e),
	[REG_SITUATION] = REGE("situation bit", sit_e),
	[REG_OAKLEY_ASYM] = REGE("asymmetric algorithm type", oakley_asym_e),
	[REG_IPSEC_ESN] = REGE("extended sequence number value", ipsec_esn_e),
	[REG_IPSEC_SIG_ENC] = REGE("signature encoding algorithm",
	    ipsec_sigenc_e),
	[REG_IPSEC_ADDR_PRES] = REGE("address preservation value",
	    ipsec_addrpres_e),
	[REG_IPSEC_SA_DIR] = REGE("SA direction value", ipsec_sadir_e),
	[REG_ISAKMP_FLAGS] = REGE("ISAKMP flag bit", isakmp_flags_e),
	[REG_FRAG_FLAGS] = REGE("fragment flag bit", frag_flags_e),
};

static const struct reg *
reg_get(enum isakmp_reg r)
{
	if ((unsigned)r >= REG__COUNT)
		return NULL;
	return &regs[r];
}

static const struct ent *
lookup(enum isakmp_reg r, unsigned v)
{
	const struct reg	*g;
	size_t			 lo, hi, mid;

	if ((g = reg_get(r)) == NULL || g->e == NULL)
		return NULL;
	lo = 0;
	hi = g->ne;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (g->e[mid].v == v)
			return &g->e[mid];
		if (g->e[mid].v < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const char *
isakmp_name(enum isakmp_reg r, unsigned v)
{
	const struct ent	*e;

	return (e = lookup(r, v)) != NULL ? e->name : NULL;
}

const char *
isakmp_token(enum isakmp_reg r, unsigned v)
{
	const struct ent	*e;

	return (e = lookup(r, v)) != NULL ? e->tok : NULL;
}

const char *
isakmp_short(enum isakmp_reg r, unsigned v)
{
	const struct ent	*e;

	return (e = lookup(r, v)) != NULL ? e->shrt : NULL;
}

const char *
isakmp_range_label(enum isakmp_reg r, unsigned v)
{
	const struct reg	*g;
	size_t			 i;

	if ((g = reg_get(r)) == NULL || lookup(r, v) != NULL)
		return NULL;
	for (i = 0; i < g->nr; i++)
		if (v >= g->r[i].lo && v <= g->r[i].hi)
			return g->r[i].label;
	return NULL;
}

const char *
isakmp_name_fmt(enum isakmp_reg r, unsigned v, char *buf, size_t buflen)
{
	const char	*s;

	if (buf == NULL || buflen == 0)
		return buf;
	if ((s = isakmp_name(r, v)) != NULL)
		snprintf(buf, buflen, "%s", s);
	else if ((s = isakmp_range_label(r, v)) != NULL)
		snprintf(buf, buflen, "unknown (%u, %s)", v, s);
	else
		snprintf(buf, buflen, "unknown (%u)", v);
	return buf;
}

const char *
isakmp_reg_label(enum isakmp_reg r)
{
	const struct reg	*g;

	return (g = reg_get(r)) != NULL ? g->label : "value";
}

static bool
is_attr_reg(enum isakmp_reg r)
{
	return r == REG_OAKLEY_ATTR || r == REG_IPSEC_ATTR ||
	    r == REG_CFG_ATTR;
}

enum isakmp_reg
isakmp_attr_value_reg(enum isakmp_reg r, unsigned type)
{
	const struct ent	*e;

	if (!is_attr_reg(r) || (e = lookup(r, type)) == NULL)
		return REG__COUNT;
	return (enum isakmp_reg)e->vreg;
}

int
isakmp_attr_form(enum isakmp_reg r, unsigned type)
{
	const struct ent	*e;

	if (!is_attr_reg(r) || (e = lookup(r, type)) == NULL)
		return -1;
	return e->form;
}

bool
isakmp_notify_is_error(unsigned type)
{
	return type >= 1 && type <= 16383;
}

size_t
isakmp_reg_count(enum isakmp_reg r)
{
	const struct reg	*g;

	return (g = reg_get(r)) != NULL ? g->ne : 0;
}

bool
isakmp_reg_value(enum isakmp_reg r, size_t i, unsigned *v)
{
	const struct reg	*g;

	if ((g = reg_get(r)) == NULL || i >= g->ne)
		return false;
	if (v != NULL)
		*v = g->e[i].v;
	return true;
}
