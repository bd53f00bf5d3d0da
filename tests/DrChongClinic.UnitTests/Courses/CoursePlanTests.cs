using DrChongClinic.Domain.Courses;

namespace DrChongClinic.UnitTests.Courses;

public class CoursePlanTests
{
    private static readonly DateOnly Tuesday = new(2026, 12, 8);

    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData(2, 1, 1, null)]
    [InlineData(12, 4, 26, null)]
    [InlineData(1, 4, 6, CoursePlanProblem.SessionsOutOfRange)]
    [InlineData(13, 4, 6, CoursePlanProblem.SessionsOutOfRange)]
    [InlineData(6, 0, 6, CoursePlanProblem.WeeksOutOfRange)]
    [InlineData(6, 4, 27, CoursePlanProblem.WeeksOutOfRange)]
    [InlineData(6, -1, 6, CoursePlanProblem.WeeksOutOfRange)]
    [InlineData(6, 7, 6, CoursePlanProblem.MinAboveMax)]
    [InlineData(6, null, 6, CoursePlanProblem.Incomplete)]
    [InlineData(null, 4, null, CoursePlanProblem.Incomplete)]
    public void Staff_values_are_checked_at_their_bounds(int? sessions, int? min, int? max, CoursePlanProblem? expected)
    {
        Assert.Equal(expected, CoursePlan.Problem(sessions, min, max));
        Assert.Equal(expected is null && sessions is not null, CoursePlan.Of(sessions, min, max) is not null);
    }

    [Fact]
    public void The_window_after_a_session_runs_from_the_minimum_to_the_maximum_weeks()
    {
        var plan = new CoursePlan(4, 4, 6);

        Assert.Equal((Tuesday.AddDays(28), Tuesday.AddDays(42)), plan.WindowAfter(Tuesday));
        Assert.Equal((Tuesday.AddDays(56), Tuesday.AddDays(84)), plan.WindowAfter(Tuesday, steps: 2));
    }

    [Fact]
    public void Intervals_hold_on_their_boundary_days_and_break_one_day_beyond()
    {
        var plan = new CoursePlan(3, 4, 6);

        Assert.Null(plan.CheckIntervals([(1, Tuesday), (2, Tuesday.AddDays(28)), (3, Tuesday.AddDays(70))]));

        var tooClose = plan.CheckIntervals([(1, Tuesday), (2, Tuesday.AddDays(27)), (3, Tuesday.AddDays(60))]);
        Assert.Equal(new CourseGapProblem(1, 2, true, Tuesday.AddDays(28), Tuesday.AddDays(42)), tooClose);

        var tooFar = plan.CheckIntervals([(3, Tuesday.AddDays(71)), (1, Tuesday), (2, Tuesday.AddDays(28))]);
        Assert.Equal(new CourseGapProblem(2, 3, false, Tuesday.AddDays(56), Tuesday.AddDays(70)), tooFar);
    }

    [Fact]
    public void A_cancelled_session_between_two_others_widens_their_allowed_gap()
    {
        var plan = new CoursePlan(3, 4, 6);

        // Session 2 cancelled: 1 and 3 must be 8 to 12 weeks apart.
        Assert.Null(plan.CheckIntervals([(1, Tuesday), (3, Tuesday.AddDays(84))]));
        Assert.NotNull(plan.CheckIntervals([(1, Tuesday), (3, Tuesday.AddDays(85))]));
    }

    [Fact]
    public void A_session_may_move_only_where_both_neighbours_allow()
    {
        var plan = new CoursePlan(3, 4, 6);

        var window = plan.MoveWindow(2, (1, Tuesday), (3, Tuesday.AddDays(70)));
        Assert.Equal((Tuesday.AddDays(28), Tuesday.AddDays(42)), window);

        var squeezed = plan.MoveWindow(2, (1, Tuesday), (3, Tuesday.AddDays(60)));
        Assert.Equal((Tuesday.AddDays(28), Tuesday.AddDays(32)), squeezed);

        Assert.Null(plan.MoveWindow(2, (1, Tuesday), (3, Tuesday.AddDays(50))));
        Assert.Equal((Tuesday.AddDays(-42), Tuesday.AddDays(-28)), plan.MoveWindow(1, null, (2, Tuesday)));
    }
}
