package pvspec.model.state.shape;

import pvspec.model.state.Config;

/**
 * The state's configuration: not written (one search, one trace, one harness has one), read from
 * the source, kept as it is by a rebuild.
 */
public final class ConfigShape extends Shape<Config> {
    ConfigShape() {}

    @Override
    public Class<?> javaType() {
        return Config.class;
    }

    @Override
    public void write(Config v, Sink out, int granter) {}

    @Override
    public Config read(Source in) {
        return in.config();
    }

    @Override
    public Config rebuild(Config v, Rebuilder rb, int granter) {
        return v;
    }
}
