package org.sectortrends.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sectortrends.testing.SparkTestSession;

class MinHashTest {

  private static final String[] TEXTS = {
    "국내 반도체 수출이 석 달 연속 늘었다. 메모리 가격이 오르고 인공지능 서버 수요가 이어진 덕분이다.",
    "한편 국내 반도체 수출이 석 달 연속 늘었다. 특히 메모리 가격이 오르고 인공지능 서버 수요가 이어진 덕분이다.",
    "전기차 배터리 업체들의 3분기 영업이익이 지난해보다 12.5% 줄었다.",
    "abcde",
  };

  @Test
  void signaturesEqualMllibMinHashForTheSameSeed() {
    SparkSession spark = SparkTestSession.start("MinHashTest");
    try {
      int functions = 42;
      long seed = 20_251_126L;
      StructType schema =
          new StructType()
              .add("i", DataTypes.IntegerType)
              .add("features", SQLDataTypes.VectorType());
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < TEXTS.length; i++) {
        int[] shingles = Shingles.of(TEXTS[i]);
        double[] ones = new double[shingles.length];
        Arrays.fill(ones, 1.0);
        rows.add(RowFactory.create(i, Vectors.sparse(Shingles.DIMENSION, shingles, ones)));
      }
      Dataset<Row> features = spark.createDataFrame(rows, schema);
      MinHashLSHModel model =
          new MinHashLSH()
              .setNumHashTables(functions)
              .setSeed(seed)
              .setInputCol("features")
              .setOutputCol("hashes")
              .fit(features);
      MinHash ours = new MinHash(functions, seed);
      List<Row> hashed = model.transform(features).select("i", "hashes").collectAsList();
      assertEquals(TEXTS.length, hashed.size());
      for (Row row : hashed) {
        List<Vector> expected = row.getList(1);
        long[] signature = ours.signature(Shingles.of(TEXTS[row.getInt(0)]));
        assertEquals(functions, signature.length);
        for (int j = 0; j < functions; j++) {
          assertEquals(
              (long) expected.get(j).apply(0),
              signature[j],
              "text " + row.getInt(0) + ", function " + j);
        }
      }
    } finally {
      spark.stop();
    }
  }

  @Test
  void sameSeedSameSignatureAndOtherSeedAnother() {
    int[] shingles = Shingles.of(TEXTS[0]);
    assertArrayEquals(
        new MinHash(12, 7).signature(shingles), new MinHash(12, 7).signature(shingles));
    assertNotEquals(
        Arrays.toString(new MinHash(12, 7).signature(shingles)),
        Arrays.toString(new MinHash(12, 8).signature(shingles)));
  }

  @Test
  void repeatsAndOrderOfIndicesDoNotChangeTheSignature() {
    String text = TEXTS[0] + TEXTS[0];
    MinHash minHash = new MinHash(42, 3);
    assertArrayEquals(
        minHash.signature(Shingles.of(text)), minHash.signature(Shingles.indices(text)));
  }

  @Test
  void everyValueIsBelowThePrime() {
    for (long value : new MinHash(42, 1).signature(Shingles.of(TEXTS[2]))) {
      assertTrue(value >= 0 && value < MinHash.PRIME, "value " + value);
    }
  }

  @Test
  void bandKeysAgreeExactlyWhereTheBandsAgree() {
    long[] a = {1, 2, 3, 4, 5, 6};
    long[] b = {1, 2, 3, 4, 5, 7};
    long[] keysA = MinHash.bandKeys(a, 3, 2);
    long[] keysB = MinHash.bandKeys(b, 3, 2);
    assertEquals(3, keysA.length);
    assertEquals(keysA[0], keysB[0]);
    assertEquals(keysA[1], keysB[1]);
    assertNotEquals(keysA[2], keysB[2]);
  }

  @Test
  void nearCopiesShareABandAndUnrelatedTextsDoNot() {
    MinHash minHash = new MinHash(42, 20_251_126L);
    long[] original = MinHash.bandKeys(minHash.signature(Shingles.of(TEXTS[0] + TEXTS[2])), 7, 6);
    long[] copy = MinHash.bandKeys(minHash.signature(Shingles.of(TEXTS[0] + " " + TEXTS[2])), 7, 6);
    long[] other = MinHash.bandKeys(minHash.signature(Shingles.of(TEXTS[2] + TEXTS[3])), 7, 6);
    assertArrayEquals(original, copy, "whitespace does not change shingles, so every band agrees");
    for (int band = 0; band < 7; band++) {
      assertNotEquals(original[band], other[band], "band " + band);
    }
  }

  @ParameterizedTest
  @CsvSource({"0", "-3"})
  void rejectsBadArguments(int functions) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new MinHash(functions, 1));
    assertTrue(e.getMessage().contains(String.valueOf(functions)), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new MinHash(4, 1).signature(new int[0]));
    assertThrows(IllegalArgumentException.class, () -> MinHash.bandKeys(new long[4], 3, 2));
  }
}
