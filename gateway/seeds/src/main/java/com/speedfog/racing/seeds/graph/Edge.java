package com.speedfog.racing.seeds.graph;

/** A link of the DAG between two node ids, from the lower layer to the higher one. */
public record Edge(String from, String to) {
}
