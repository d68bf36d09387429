package com.speedfog.racing.query.stats;

import java.util.List;

/** A multiplayer rating system: the ratings after a race, from the ratings before and the places. */
public interface RatingModel {

    /** Says which model and constants produced a rating (stored with the ratings, shown on pages). */
    String description();

    /** The rating of someone who never raced in the category. */
    Rating initial();

    /**
     * @param before each participant's rating before the race
     * @param places each participant's place (1 is best; equal places are ties)
     * @return each participant's rating after the race, in the same order
     */
    List<Rating> rate(List<Rating> before, List<Integer> places);
}
