/**
 * JMH benchmarks of the engine. Build with {@code mvn -B -DskipTests -pl benchmarks -am package}
 * and run {@code java -jar benchmarks/target/benchmarks.jar}; results and the machine they ran on
 * are recorded in {@code docs/benchmarks.md}.
 */
package org.ketasim.benchmarks;
