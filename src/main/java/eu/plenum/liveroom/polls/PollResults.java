package eu.plenum.liveroom.polls;

import java.util.List;

/** How many people voted and how many chose each option, in the poll's option order. */
public record PollResults(int voters, List<Integer> counts) {

    public PollResults {
        counts = List.copyOf(counts);
    }
}
