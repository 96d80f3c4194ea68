using ProxyGen.Runtime;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>The bit set every generated model keeps of the members it had set, past 64 members too.</summary>
public class JsonMembersTests
{
    [Fact]
    public void Members_set_are_known_on_both_sides_of_64_and_no_others()
    {
        var members = default(JsonMembers);
        int[] set = [0, 1, 63, 64, 127, 128, 300];

        foreach (var index in set)
        {
            members.Add(index);
        }

        for (var index = 0; index < 400; index++)
        {
            Assert.Equal(set.Contains(index), members.Has(index));
        }
    }

    [Fact]
    public void Text_sent_in_the_other_json_form_is_kept_per_member()
    {
        var members = default(JsonMembers);
        members.Add(70);
        members.KeepSentAs(3, "-0.05000");
        members.KeepSentAs(70, "19.720000");

        Assert.Equal("-0.05000", members.SentAs(3));
        Assert.Equal("19.720000", members.SentAs(70));
        Assert.Null(members.SentAs(4));
        Assert.True(members.Has(70));
        Assert.False(members.Has(3));
    }
}
