/*
 * keccak256: input  arbitrary bytes, read in chunks until end of input
 *            output the 32-byte Keccak-256 digest as used by Ethereum
 *                   (Keccak-f[1600], rate 136 bytes, original padding 0x01 .. 0x80,
 *                   not the FIPS 202 SHA3 padding 0x06)
 *            exit 0
 */
#include "kprove_guest.h"

#define RATE 136

static const uint64_t RC[24] = {
    0x0000000000000001ull, 0x0000000000008082ull, 0x800000000000808aull, 0x8000000080008000ull,
    0x000000000000808bull, 0x0000000080000001ull, 0x8000000080008081ull, 0x8000000000008009ull,
    0x000000000000008aull, 0x0000000000000088ull, 0x0000000080008009ull, 0x000000008000000aull,
    0x000000008000808bull, 0x800000000000008bull, 0x8000000000008089ull, 0x8000000000008003ull,
    0x8000000000008002ull, 0x8000000000000080ull, 0x000000000000800aull, 0x800000008000000aull,
    0x8000000080008081ull, 0x8000000000008080ull, 0x0000000080000001ull, 0x8000000080008008ull,
};

/* Constant rotation counts only, so gcc lowers each to a few 32-bit shifts. */
#define rol64(x, n) ((n) == 0 ? (x) : (((x) << ((n) & 63)) | ((x) >> ((64 - (n)) & 63))))

static void keccak_f1600(uint64_t s[25])
{
    uint64_t b[25], c[5], d[5];
    for (int round = 0; round < 24; round++) {
        /* theta */
        for (int x = 0; x < 5; x++)
            c[x] = s[x] ^ s[x + 5] ^ s[x + 10] ^ s[x + 15] ^ s[x + 20];
        for (int x = 0; x < 5; x++)
            d[x] = c[(x + 4) % 5] ^ rol64(c[(x + 1) % 5], 1);
        for (int i = 0; i < 25; i++)
            s[i] ^= d[i % 5];
        /* rho and pi: b[y + 5 * ((2x + 3y) mod 5)] = rol(s[x + 5y], r[x + 5y]) */
        b[0] = s[0];
        b[10] = rol64(s[1], 1);
        b[20] = rol64(s[2], 62);
        b[5] = rol64(s[3], 28);
        b[15] = rol64(s[4], 27);
        b[16] = rol64(s[5], 36);
        b[1] = rol64(s[6], 44);
        b[11] = rol64(s[7], 6);
        b[21] = rol64(s[8], 55);
        b[6] = rol64(s[9], 20);
        b[7] = rol64(s[10], 3);
        b[17] = rol64(s[11], 10);
        b[2] = rol64(s[12], 43);
        b[12] = rol64(s[13], 25);
        b[22] = rol64(s[14], 39);
        b[23] = rol64(s[15], 41);
        b[8] = rol64(s[16], 45);
        b[18] = rol64(s[17], 15);
        b[3] = rol64(s[18], 21);
        b[13] = rol64(s[19], 8);
        b[14] = rol64(s[20], 18);
        b[24] = rol64(s[21], 2);
        b[9] = rol64(s[22], 61);
        b[19] = rol64(s[23], 56);
        b[4] = rol64(s[24], 14);
        /* chi */
        for (int y = 0; y < 25; y += 5)
            for (int x = 0; x < 5; x++)
                s[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]);
        /* iota */
        s[0] ^= RC[round];
    }
}

static void absorb_block(uint64_t s[25], const unsigned char *blk)
{
    for (int i = 0; i < RATE / 8; i++) {
        uint64_t lane = 0;
        for (int j = 7; j >= 0; j--)
            lane = (lane << 8) | blk[8 * i + j];
        s[i] ^= lane;
    }
    keccak_f1600(s);
}

#define CHUNK (RATE * 32)

static unsigned char buf[CHUNK];

int main(void)
{
    uint64_t s[25] = {0};
    size_t have = 0; /* bytes in buf not yet absorbed */

    for (;;) {
        size_t r = kp_read(buf + have, CHUNK - have);
        if (r == 0)
            break;
        have += r;
        size_t off = 0;
        while (have - off >= RATE) {
            absorb_block(s, buf + off);
            off += RATE;
        }
        for (size_t i = 0; off + i < have; i++)
            buf[i] = buf[off + i];
        have -= off;
    }

    /* Original Keccak multi-rate padding: 0x01, zeros, 0x80 (one byte 0x81 if
     * only one byte of the block is left). */
    for (size_t i = have; i < RATE; i++)
        buf[i] = 0;
    buf[have] ^= 0x01;
    buf[RATE - 1] ^= 0x80;
    absorb_block(s, buf);

    unsigned char out[32];
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 8; j++)
            out[8 * i + j] = (unsigned char)(s[i] >> (8 * j));
    kp_write(out, 32);
    return 0;
}
