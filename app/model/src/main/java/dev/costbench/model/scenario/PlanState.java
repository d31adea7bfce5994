// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.media.ImageDetail;
import dev.costbench.model.media.MediaResolution;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quantities the levers change, per request type, starting from the workload as typed. Mutable but confined to
 * one {@link ScenarioEngine#compute} call: every step works on a copy.
 */
final class PlanState {

    /** One model and its share of a request type's calls (shares add up to more than 1 in a cascade). */
    record Route(String model, BigDecimal share) {}

    final List<TypeState> types;
    /** Self-hosted models by id. */
    final Map<String, Lever.SelfHosting> selfHosted;

    final int daysPerMonth;

    private PlanState(List<TypeState> types, Map<String, Lever.SelfHosting> selfHosted, int daysPerMonth) {
        this.types = types;
        this.selfHosted = selfHosted;
        this.daysPerMonth = daysPerMonth;
    }

    static PlanState baseline(Workload w) {
        List<TypeState> t = new ArrayList<>();
        for (RequestType rt : w.requestTypes()) {
            t.add(new TypeState(rt, rt.volume().perMonth(w.daysPerMonth())));
        }
        return new PlanState(t, new LinkedHashMap<>(), w.daysPerMonth());
    }

    PlanState copy() {
        List<TypeState> t = new ArrayList<>();
        for (TypeState ts : types) {
            t.add(ts.copy());
        }
        return new PlanState(t, new LinkedHashMap<>(selfHosted), daysPerMonth);
    }

    /** One request type's quantities. Token counts are per call. */
    static final class TypeState {
        final RequestType rt;
        final BigDecimal requests;
        BigDecimal gatePass = BigDecimal.ONE;
        BigDecimal reuse = BigDecimal.ZERO;
        BigDecimal system;
        BigDecimal fewShot;
        BigDecimal user;
        BigDecimal output;
        BigDecimal reasoning;
        BigDecimal fps;
        MediaResolution resolution;
        ImageDetail detail = ImageDetail.AUTO;
        BigDecimal cropShare = BigDecimal.ONE;
        Integer longEdge;
        BigDecimal measuredImageTokens;
        BigDecimal measuredFrameTokens;
        BigDecimal apiShare = BigDecimal.ONE;
        BigDecimal localPerMinute;
        List<Route> routes = new ArrayList<>();
        BigDecimal batchShare = BigDecimal.ZERO;
        /** Shares asked for at flex and priority; {@link Pricer} keeps batch, flex and priority from overlapping. */
        BigDecimal flexShare = BigDecimal.ZERO;

        BigDecimal flexRetry = BigDecimal.ZERO;
        BigDecimal priorityShare = BigDecimal.ZERO;
        Lever.PromptCaching caching;
        /** Agent tasks: the step cap and the planner lever; null when off. */
        Integer stepCap;

        Lever.BetterPlanner planner;
        /** Conversations and retrieval: their levers. */
        FlowLevers flow = FlowLevers.NONE;

        TypeState(RequestType rt, BigDecimal requests) {
            this.rt = rt;
            this.requests = requests;
            TextTokens t = rt.text();
            system = BigDecimal.valueOf(t.system());
            fewShot = BigDecimal.valueOf(t.fewShot());
            user = BigDecimal.valueOf(t.user());
            output = BigDecimal.valueOf(t.output());
            reasoning = BigDecimal.valueOf(t.reasoning());
            fps = rt.video() == null ? null : rt.video().fps();
            resolution =
                    rt.video() == null ? MediaResolution.DEFAULT : rt.video().resolution();
            if (rt.model() != null) {
                routes.add(new Route(rt.model(), BigDecimal.ONE));
            }
        }

        private TypeState(TypeState o) {
            rt = o.rt;
            requests = o.requests;
            gatePass = o.gatePass;
            reuse = o.reuse;
            system = o.system;
            fewShot = o.fewShot;
            user = o.user;
            output = o.output;
            reasoning = o.reasoning;
            fps = o.fps;
            resolution = o.resolution;
            detail = o.detail;
            cropShare = o.cropShare;
            longEdge = o.longEdge;
            measuredImageTokens = o.measuredImageTokens;
            measuredFrameTokens = o.measuredFrameTokens;
            apiShare = o.apiShare;
            localPerMinute = o.localPerMinute;
            routes = new ArrayList<>(o.routes);
            batchShare = o.batchShare;
            flexShare = o.flexShare;
            flexRetry = o.flexRetry;
            priorityShare = o.priorityShare;
            caching = o.caching;
            stepCap = o.stepCap;
            planner = o.planner;
            flow = o.flow;
        }

        TypeState copy() {
            return new TypeState(this);
        }

        boolean hasImages() {
            return !rt.images().isEmpty();
        }

        boolean hasVideo() {
            return rt.video() != null && rt.video().hours().signum() > 0;
        }

        boolean hasMedia() {
            return hasImages() || hasVideo();
        }

        /** The model with the largest share (the first on a tie), or null without a model. */
        String primaryModel() {
            Route best = null;
            for (Route r : routes) {
                if (best == null || r.share().compareTo(best.share()) > 0) {
                    best = r;
                }
            }
            return best == null ? null : best.model();
        }
    }
}
