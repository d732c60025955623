package retort.scratch;

/**
 * One revision of a plan as it will be written: the text of its upgrade and downgrade sections, and
 * whether it runs in a transaction. {@code name} is how messages refer to it ({@code part 2 of 3}).
 */
public record Part(String name, boolean transactional, String upgrade, String downgrade) {}
