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

    [Fact]
    public void Members_the_spec_does_not_describe_are_kept_beside_the_bits_and_written_back()
    {
        var read = JsonText.Read("""{"sid":"SC1","extra":{"a":1},"extra":2,"later":"x"}""", Proxy.ShortCode.ReadJson);

        Assert.Equal("SC1", read.Sid);
        Assert.Equal(["extra", "later"], read.AdditionalProperties.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, read.AdditionalProperties["extra"].GetInt32()); // a repeated name: the last one, as System.Text.Json
        Assert.Equal("""{"sid":"SC1","extra":2,"later":"x"}""", JsonText.Write(read, Proxy.ShortCode.WriteJson));

        // Set by an initializer, also with members set: both kept; null reads as none, never as null.
        var extra = new Dictionary<string, System.Text.Json.JsonElement> { ["x-trace"] = System.Text.Json.JsonDocument.Parse("7").RootElement };
        var set = new Proxy.ShortCode { AdditionalProperties = extra, IsReserved = true };
        Assert.Same(extra, set.AdditionalProperties);
        Assert.Equal("""{"is_reserved":true,"x-trace":7}""", JsonText.Write(set, Proxy.ShortCode.WriteJson));
        Assert.Empty(new Proxy.ShortCode { AdditionalProperties = null! }.AdditionalProperties);
        Assert.Empty(new Proxy.ShortCode().AdditionalProperties);
    }
}
