package pvspec.checker.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.invariant.Facts;
import pvspec.model.invariant.Invariant;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.state.State;

/**
 * What a run checks beyond INV-1..INV-13: the check file's invariants, constraints and reach
 * queries, and {@code --invariant} classes.
 *
 * <p>They may name particular domains, frames and grant references, so the search drops its
 * symmetry reductions when there are any; a constraint also drops the independence reduction
 * (a state it does not expand may be the only way the reduction reaches a skipped successor).
 *
 * @param invariants must hold in every explored state (and their step constraints on every new transition)
 * @param constraints a state where one is false is checked but not expanded
 * @param reach a state where one holds ends the search with a shortest witness
 */
public record CheckProperties(List<Invariant> invariants, List<NamedPredicate> constraints, List<NamedPredicate> reach) {
    public static final CheckProperties NONE = new CheckProperties(List.of(), List.of(), List.of());

    public CheckProperties {
        invariants = List.copyOf(invariants);
        constraints = List.copyOf(constraints);
        reach = List.copyOf(reach);
    }

    public boolean isEmpty() {
        return invariants.isEmpty() && constraints.isEmpty() && reach.isEmpty();
    }

    public CheckProperties withInvariant(Invariant inv) {
        List<Invariant> all = new ArrayList<>(invariants);
        all.add(inv);
        return new CheckProperties(all, constraints, reach);
    }

    /** The model's invariants and these on one step, as {@link Invariants#checkStep} does for the model's alone. */
    public List<Violation> checkStep(State before, Caller caller, Hypercall request, Result result, State after) {
        List<Violation> model = Invariants.checkStep(before, caller, request, result, after);
        if (invariants.isEmpty()) return model;
        List<Violation> out = new ArrayList<>(model);
        Facts facts = Facts.of(after);
        for (Invariant inv : invariants) out.addAll(inv.checkStep(before, caller, request, result, facts));
        return out;
    }

    /** These invariants' violations in one state. */
    public List<Violation> check(State s) {
        List<Violation> out = new ArrayList<>();
        Facts facts = Facts.of(s);
        for (Invariant inv : invariants) out.addAll(inv.check(facts));
        return out;
    }

    /** Whether the search expands {@code s}: every constraint holds. */
    public boolean expand(State s) {
        if (constraints.isEmpty()) return true;
        Facts facts = Facts.of(s);
        for (NamedPredicate c : constraints) if (!c.predicate().test(facts)) return false;
        return true;
    }

    /** The first reach query that holds in {@code s}. */
    public Optional<NamedPredicate> reached(State s) {
        if (reach.isEmpty()) return Optional.empty();
        Facts facts = Facts.of(s);
        for (NamedPredicate r : reach) if (r.predicate().test(facts)) return Optional.of(r);
        return Optional.empty();
    }

    /** One line for the report. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (Invariant i : invariants) parts.add("invariant " + i.id());
        for (NamedPredicate c : constraints) parts.add("constraint " + c.text());
        for (NamedPredicate r : reach) parts.add("reach " + r.name());
        return String.join("; ", parts);
    }
}
