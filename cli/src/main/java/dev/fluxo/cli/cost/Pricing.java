package dev.fluxo.cli.cost;

import java.util.ArrayList;
import java.util.List;

/** What one resource costs: the charges it has when idle, the extra charges at load, and notes on the basis. */
public final class Pricing {
    private final List<Charge> idle = new ArrayList<>();
    private final List<Charge> atLoad = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** Charged whether or not data flows. */
    public Pricing idle(Charge charge) {
        idle.add(charge);
        return this;
    }

    /** Charged on top of the idle charges in the load scenario. */
    public Pricing atLoad(Charge charge) {
        atLoad.add(charge);
        return this;
    }

    public Pricing note(String note) {
        notes.add(note);
        return this;
    }

    public List<Charge> idleCharges() {
        return List.copyOf(idle);
    }

    public List<Charge> loadCharges() {
        return List.copyOf(atLoad);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public double idleUsd() {
        return idle.stream().mapToDouble(Charge::usd).sum();
    }

    public double loadUsd() {
        return idleUsd() + atLoad.stream().mapToDouble(Charge::usd).sum();
    }
}
