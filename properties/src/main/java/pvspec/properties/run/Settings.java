package pvspec.properties.run;

/**
 * How much a property run does, from system properties so any run can be replayed or scaled:
 * {@code -Dpvspec.seed=S} replays one seed, {@code -Dpvspec.tries=N} runs N seeds,
 * {@code -Dpvspec.steps=K} makes each run K requests long, {@code -Dpvspec.hostility=H} sets
 * the share of hostile requests.
 */
public record Settings(long firstSeed, int tries, int steps, double hostility) {

    public static Settings fromSystemProperties(int defaultTries, int defaultSteps) {
        String seed = System.getProperty("pvspec.seed");
        int tries = Integer.getInteger("pvspec.tries", seed != null ? 1 : defaultTries);
        int steps = Integer.getInteger("pvspec.steps", defaultSteps);
        double hostility = Double.parseDouble(System.getProperty("pvspec.hostility", "0.2"));
        return new Settings(seed != null ? Long.parseLong(seed) : 1, tries, steps, hostility);
    }
}
