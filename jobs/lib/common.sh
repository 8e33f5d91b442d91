# Shared by the launch scripts in jobs/: locating the project, building the jar when it is stale,
# and the JVM flags Spark needs on Java 17. Sourced, never executed.

ST_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ST_JAR="$ST_HOME/target/sector-trends.jar"
ST_RUNTIME_JARS="$ST_HOME/target/spark-runtime/jars"

# The flags Spark's own launcher adds on Java 17 (kept identical to spark.java17.flags in pom.xml).
ST_JAVA17_FLAGS=(
  -XX:+IgnoreUnrecognizedVMOptions
  --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true
)

# Builds target/sector-trends.jar when it is missing or older than any source, data or pom file.
st_ensure_jar() {
  local stale=0
  if [[ ! -f "$ST_JAR" || ! -d "$ST_RUNTIME_JARS" ]]; then
    stale=1
  elif [[ -n "$(find "$ST_HOME/pom.xml" "$ST_HOME/src/main" "$ST_HOME/data/lexicons" "$ST_HOME/data/nori" \
                     "$ST_HOME/data/taxonomy" "$ST_HOME/data/fx" -newer "$ST_JAR" -print -quit 2>/dev/null)" ]]; then
    stale=1
  fi
  if (( stale )); then
    echo "sector-trends: building $ST_JAR ..." >&2
    (cd "$ST_HOME" && mvn -q -B -DskipTests package) >&2 || { echo "sector-trends: build failed" >&2; exit 1; }
  fi
}

# Class path for plain `java` launches without Spark start-up (CLIs): the application jar plus the
# embedded runtime, which supplies Jackson and the other libraries Spark provides on a cluster.
st_app_classpath() {
  echo "$ST_JAR:$ST_RUNTIME_JARS/*"
}
