package pvspec.spark;

import java.io.PrintWriter;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import pvspec.checker.config.CheckConfigException;
import pvspec.checker.report.CheckReport;
import pvspec.checker.search.SearchEngine;

/**
 * {@code pvspec check --engine spark}: the {@link SparkSearch} on the master the job names, else
 * the one {@code spark-submit} gives (its {@code spark.master} system property), else local
 * mode on every core. Found by {@link SearchEngine#find} through
 * {@code META-INF/services/pvspec.checker.search.SearchEngine}, so only the spark module's jar has it.
 */
public final class SparkEngine implements SearchEngine {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public CheckReport check(Job job, PrintWriter out) throws CheckConfigException {
        Spec spec = new Spec(job.source(), job.text(), job.symmetry());
        spec.parse(); // bad input fails here, before Spark starts
        SparkConf conf = new SparkConf().setAppName("pvspec check --engine spark --config " + job.source());
        if (job.master() != null) conf.setMaster(job.master());
        else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
        try (JavaSparkContext sc = start(conf)) {
            sc.setLogLevel("WARN"); // Spark's INFO lines would bury the report
            SparkSearch search = new SparkSearch(sc, spec, job.partitions());
            CheckReport r = search.run(job.depth());
            if (job.shuffle()) printShuffle(out, search);
            return r;
        }
    }

    /** Spark refuses a master it cannot parse or reach when the context starts: that is the user's input. */
    private static JavaSparkContext start(SparkConf conf) {
        try {
            return new JavaSparkContext(conf);
        } catch (Exception e) { // SparkException is checked in Java but thrown by Scala code that declares nothing
            throw new Unusable("--master " + conf.get("spark.master") + ": Spark cannot start on it: " + e.getMessage());
        }
    }

    private static void printShuffle(PrintWriter out, SparkSearch search) {
        out.println("depth  shuffle-written-bytes  shuffle-records  shuffle-read-bytes  write-ms  fetch-wait-ms  level-ms");
        for (ShuffleMeter.Figures f : search.shuffles()) {
            out.printf("%5d  %21d  %15d  %18d  %8d  %13d  %8d%n", f.depth(), f.bytesWritten(), f.recordsWritten(), f.bytesRead(),
                    f.writeMillis(), f.fetchWaitMillis(), f.levelMillis());
        }
    }
}
