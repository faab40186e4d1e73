package eu.plenum.sites;

import eu.plenum.shared.PlenumException;

/** Patroni did not switch over (no such candidate, not healthy, no leader, or its API unreachable): nothing changed. */
public class SwitchoverRefused extends PlenumException {

    public SwitchoverRefused(String detail) {
        super("switchover-refused", detail);
    }

    @Override
    public int status() {
        return 409;
    }
}
