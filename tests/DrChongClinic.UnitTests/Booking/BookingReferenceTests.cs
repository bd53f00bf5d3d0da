using DrChongClinic.Domain.Booking;

namespace DrChongClinic.UnitTests.Booking;

public class BookingReferenceTests
{
    [Fact]
    public void References_are_short_unambiguous_and_different_each_time()
    {
        var references = Enumerable.Range(0, 2000).Select(_ => BookingReference.New()).ToList();

        Assert.All(references, r => Assert.Equal(BookingReference.Length, r.Length));
        Assert.All(references, r => Assert.All(r, c => Assert.Contains(c, BookingReference.Alphabet)));
        Assert.DoesNotContain(references, r => r.IndexOfAny(['0', 'O', '1', 'I', 'L', 'U']) >= 0);
        Assert.Equal(references.Count, references.Distinct().Count());
    }

    [Fact]
    public void References_are_shown_in_two_groups_and_read_back_in_any_case()
    {
        Assert.Equal("ABCD-2345", BookingReference.Display("ABCD2345"));
        Assert.Equal("ABCD2345", BookingReference.Normalize(" abcd-2345 "));
    }

    [Fact]
    public void Manage_tokens_are_long_url_safe_and_only_their_hash_is_kept()
    {
        var token = ManageToken.New();

        Assert.True(ManageToken.LooksValid(token));
        Assert.Equal(64, ManageToken.Hash(token).Length);
        Assert.NotEqual(ManageToken.Hash(token), ManageToken.Hash(ManageToken.New()));
        Assert.False(ManageToken.LooksValid(token[..42]));
        Assert.False(ManageToken.LooksValid(token[..42] + "/"));
        Assert.False(ManageToken.LooksValid(null));
    }
}
