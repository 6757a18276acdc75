package pvspec.verification.jpf;

import pvspec.model.state.State;

/**
 * Harness 2 under Java PathFinder: an endless loop of {@link ModelExploration#next}; JPF's state
 * matching ends every path at a state seen before, so the search ends when every reachable state
 * has been expanded. At each choice point the live data is only the canonical model state, so
 * JPF's states are the model's states.
 */
public final class ModelExplorationJpf {
    private ModelExplorationJpf() {}

    public static void main(String[] args) {
        Call[] menu = ModelExploration.menu();
        State s = Canon.of(ModelExploration.start());
        ModelExploration.warmUp(s, menu);
        Choices choices = new JpfChoices();
        for (;;) s = ModelExploration.next(s, menu, choices);
    }
}
