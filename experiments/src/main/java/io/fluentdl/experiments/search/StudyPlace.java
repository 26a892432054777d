package io.fluentdl.experiments.search;

import io.fluentdl.search.Search;
import io.fluentdl.search.Study;

import java.time.Duration;

/**
 * Where an experiment's searches are recorded: a storage URL, the study name (one study per search,
 * the name plus a suffix), the heartbeat, and whether to join a study that has trials already (a
 * shared storage, or {@code --resume}).
 *
 * @param url              {@code sqlite:PATH} or {@code postgresql://...}
 * @param name             the study's name; each search adds its suffix
 * @param heartbeatSeconds how often a running trial's heartbeat is stamped
 * @param join             continue a study that has trials (else a second run is refused)
 */
public record StudyPlace(String url, String name, int heartbeatSeconds, boolean join) {

    /** Opens the study {@code name + suffix}. */
    public Study open(String suffix) {
        return Study.open(url, name + suffix);
    }

    /** {@code search} recording into {@code study} with this heartbeat, joining it if asked. */
    public <T> Search<T> configure(Search<T> search, Study study) {
        Search<T> s = search.study(study).heartbeat(Duration.ofSeconds(heartbeatSeconds));
        return join ? s.resume() : s;
    }
}
