//! OData envelopes: a collection page with its next link, object references, and `@odata.type` helpers.

use serde::Deserialize;

/// One page of an OData collection: `{"value":[…], "@odata.nextLink": "…"}`.
#[derive(Debug, Clone, Deserialize)]
pub struct Collection<T> {
    #[serde(default = "Vec::new")]
    pub value: Vec<T>,
    #[serde(rename = "@odata.nextLink", default)]
    pub next_link: Option<String>,
    #[serde(rename = "@odata.count", default)]
    pub count: Option<u64>,
}

/// `{"@odata.type": "#microsoft.graph.x", "id": …, "displayName": …}`: a reference to another object.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ObjectRef {
    #[serde(rename = "@odata.type")]
    pub odata_type: Option<String>,
    pub id: String,
    pub display_name: Option<String>,
}

/// For list properties a service may send as `null`: reads `null` as an empty list.
pub fn null_as_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

/// The short type name of an `@odata.type` value: `#microsoft.graph.iosWiFiConfiguration` → `iosWiFiConfiguration`.
pub fn short_type(odata_type: &str) -> &str {
    odata_type.rsplit('.').next().unwrap_or(odata_type)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_type_strips_namespace() {
        assert_eq!(short_type("#microsoft.graph.iosWiFiConfiguration"), "iosWiFiConfiguration");
        assert_eq!(short_type("plain"), "plain");
    }

    #[test]
    fn collection_reads_next_link_and_tolerates_missing_value() {
        let page: Collection<ObjectRef> =
            serde_json::from_str(r#"{"@odata.nextLink":"https://x/next","value":[{"id":"a"}]}"#).unwrap();
        assert_eq!(page.value.len(), 1);
        assert_eq!(page.next_link.as_deref(), Some("https://x/next"));
        let empty: Collection<ObjectRef> = serde_json::from_str("{}").unwrap();
        assert!(empty.value.is_empty());
    }
}
