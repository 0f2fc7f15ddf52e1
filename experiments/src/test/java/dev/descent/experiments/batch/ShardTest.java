package dev.descent.experiments.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.common.UserError;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Shard}: every key in exactly one shard, by the key's value mod N, and {@code I/N} read strictly. */
class ShardTest {

    @Test
    void everyKeyIsInExactlyOneShardAndTheShardsAreAboutEqual() {
        Random random = new Random(42);
        int[] sizes = new int[7];
        for (int k = 0; k < 7000; k++) {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            String key = HexFormat.of().formatHex(bytes);
            int in = 0;
            for (int i = 1; i <= 7; i++) {
                if (new Shard(i, 7).contains(key)) {
                    in++;
                    sizes[i - 1]++;
                }
            }
            assertEquals(1, in, key);
            assertTrue(Shard.ALL.contains(key));
        }
        for (int size : sizes) {
            // 1000 expected per shard; a binomial's std is ~30, so 850 is five stds away.
            assertTrue(size > 850 && size < 1150, Arrays.toString(sizes));
        }
    }

    @Test
    void theShardOfAKeyIsItsUnsignedValueModN() {
        // By hand: 0x…0a = 10, 10 mod 3 = 1, so shard 2 of 3. 0xffffffffffffffff = 2^64 − 1, and 2^64 = 4^32 ≡ 1
        // (mod 3), so it is 0 mod 3: shard 1 (read as a signed long, −1, it would land elsewhere); it is odd: shard
        // 2 of 2.
        assertTrue(new Shard(2, 3).contains("000000000000000a"));
        assertTrue(new Shard(1, 3).contains("ffffffffffffffff"));
        assertTrue(new Shard(2, 2).contains("ffffffffffffffff"));
    }

    @Test
    void iOverNIsReadStrictly() {
        assertEquals(new Shard(2, 8), Shard.parse("2/8", "--shard"));
        assertEquals(new Shard(8, 8), Shard.parse(" 8 / 8 ", "--shard"));
        for (String bad : new String[] {"0/8", "9/8", "1/0", "-1/3", "3", "1/2/3", "a/b", ""}) {
            UserError error = assertThrows(UserError.class, () -> Shard.parse(bad, "--shard"), bad);
            assertTrue(error.getMessage().startsWith("--shard "), error.getMessage());
            assertTrue(error.getMessage().contains("HINT: "), error.getMessage());
        }
    }
}
