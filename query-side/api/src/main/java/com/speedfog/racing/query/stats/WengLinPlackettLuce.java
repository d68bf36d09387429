package com.speedfog.racing.query.stats;

import com.pocketcombats.openskill.Adjudicator;
import com.pocketcombats.openskill.RatingModelConfig;
import com.pocketcombats.openskill.data.RatingAdjustment;
import com.pocketcombats.openskill.data.SimplePlayerResult;
import com.pocketcombats.openskill.data.SimpleTeamResult;
import com.pocketcombats.openskill.data.TeamResult;
import com.pocketcombats.openskill.model.PlackettLuce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Weng and Lin's Bayesian rating with the Plackett-Luce model (OpenSkill), each participant a team of one.
 *
 * <p>The update itself is openskill-java's. The dynamics factor tau is added to every sigma before the
 * update ({@code sigma' = sqrt(sigma^2 + tau^2)}), as the reference implementations (openskill.py,
 * openskill.js with {@code tau}) do; openskill-java would add it only to the player's own step, which
 * gives slightly different numbers, so the library is given tau = 0 and the already widened sigmas.
 */
public final class WengLinPlackettLuce implements RatingModel {

    /**
     * @param mu    initial mean
     * @param sigma initial deviation
     * @param beta  performance noise: the skill gap that makes a win about 76% likely
     * @param kappa floor of the variance shrink factor (keeps sigma positive)
     * @param tau   added uncertainty per race, so ratings keep moving
     */
    public record Constants(double mu, double sigma, double beta, double kappa, double tau) {

        /** OpenSkill's defaults: mu 25, sigma 25/3, beta 25/6, kappa 0.0001, tau 25/300. */
        public static Constants openSkillDefaults() {
            return new Constants(25.0, 25.0 / 3, 25.0 / 6, 0.0001, 25.0 / 300);
        }
    }

    private final Constants constants;
    private final Adjudicator<Integer> adjudicator;

    public WengLinPlackettLuce(Constants constants) {
        this.constants = constants;
        RatingModelConfig config = RatingModelConfig.builder().setBeta(constants.beta()).setKappa(constants.kappa())
                .setTau(0).build();
        this.adjudicator = new Adjudicator<>(config, new PlackettLuce(config));
    }

    public WengLinPlackettLuce() {
        this(Constants.openSkillDefaults());
    }

    public Constants constants() {
        return constants;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "Weng-Lin Plackett-Luce (mu %.4f, sigma %.4f, beta %.4f, kappa %.6f, tau %.6f)",
                constants.mu(), constants.sigma(), constants.beta(), constants.kappa(), constants.tau());
    }

    @Override
    public Rating initial() {
        return new Rating(constants.mu(), constants.sigma());
    }

    @Override
    public List<Rating> rate(List<Rating> before, List<Integer> places) {
        if (before.size() != places.size()) {
            throw new IllegalArgumentException(before.size() + " ratings but " + places.size() + " places");
        }
        if (before.size() < 2) {
            return List.copyOf(before); // nobody to be compared with
        }
        double tauSquared = constants.tau() * constants.tau();
        List<TeamResult<Integer>> teams = new ArrayList<>(before.size());
        for (int i = 0; i < before.size(); i++) {
            Rating r = before.get(i);
            double sigma = Math.sqrt(r.sigma() * r.sigma() + tauSquared);
            SimplePlayerResult<Integer> player = new SimplePlayerResult<>(i, r.mu(), sigma);
            teams.add(new SimpleTeamResult<>(r.mu(), sigma, places.get(i), List.of(player)));
        }
        Map<Integer, RatingAdjustment<Integer>> after = adjudicator.rate(teams).stream()
                .collect(Collectors.toMap(RatingAdjustment::playerId, Function.identity()));
        List<Rating> ratings = new ArrayList<>(before.size());
        for (int i = 0; i < before.size(); i++) {
            RatingAdjustment<Integer> a = after.get(i);
            ratings.add(new Rating(a.mu(), a.sigma()));
        }
        return ratings;
    }
}
